package org.govkiosk.device.wedge;

import java.util.Optional;

/**
 * Tells a keyboard-wedge scanner from a person at the keyboard: a scanner "types" a whole code with a few
 * milliseconds between keys and ends it with Enter; a person leaves far longer gaps. Pure: the caller feeds each
 * typed character with its time (so tests need no clock and no UI). Not thread-safe: one UI thread feeds it.
 */
public final class KeyBurstDetector {

    /** Longest code accepted; a stuck key or a runaway device must not grow the buffer without end. */
    public static final int MAX_LENGTH = 4096;

    private final int minLength;
    private final long maxGapNanos;
    private final StringBuilder buffer = new StringBuilder();
    private long lastAtNanos;
    private boolean overflowed;

    /**
     * @param minLength   shortest run of fast keys that counts as a scan (shorter runs are typing)
     * @param maxGapNanos longest pause between two keys of one scan
     */
    public KeyBurstDetector(int minLength, long maxGapNanos) {
        if (minLength < 1 || maxGapNanos <= 0) {
            throw new IllegalArgumentException("minLength must be >= 1 and maxGap > 0");
        }
        this.minLength = minLength;
        this.maxGapNanos = maxGapNanos;
    }

    /**
     * Feeds one typed character. Returns the scanned code when {@code ch} is the Enter that ends a burst of at
     * least {@code minLength} fast keys; empty otherwise (also for an Enter that ends ordinary typing).
     */
    public Optional<String> feed(char ch, long atNanos) {
        boolean continues = !buffer.isEmpty() && atNanos - lastAtNanos <= maxGapNanos;
        lastAtNanos = atNanos;
        if (ch == '\r' || ch == '\n') {
            String code = continues && !overflowed && buffer.length() >= minLength ? buffer.toString() : null;
            reset();
            return Optional.ofNullable(code);
        }
        if (Character.isISOControl(ch)) {
            reset(); // Tab, Escape, Backspace: a person editing, never part of a code
            return Optional.empty();
        }
        if (!continues) {
            reset();
            lastAtNanos = atNanos;
        }
        if (buffer.length() >= MAX_LENGTH) {
            overflowed = true;
        } else {
            buffer.append(ch);
        }
        return Optional.empty();
    }

    /** Characters of the burst in progress: what a focused text field has received so far from a possible scan. */
    public int pendingLength() {
        return buffer.length();
    }

    /** Forgets the burst in progress (e.g. when the screen changes). */
    public void reset() {
        buffer.setLength(0);
        overflowed = false;
    }
}
