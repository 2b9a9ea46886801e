package org.govkiosk.device.internal.driver.camera;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Tells a code shown anew from the same code in the next frames of a phone still held up: a payload seen again
 * within the window, counted from its latest sighting, is a repeat. Keeps digests, not payloads, so the codes
 * themselves need not stay in memory. Synchronized: frames and the screen that enables reading run on different threads.
 */
final class RepeatFilter {

    private final Duration window;
    private final Map<String, Instant> lastSeen = new HashMap<>();

    RepeatFilter(Duration window) {
        this.window = window;
    }

    /** Whether {@code payload} is new at {@code now}; records the sighting either way. */
    synchronized boolean isNew(String payload, Instant now) {
        lastSeen.values().removeIf(t -> Duration.between(t, now).compareTo(window) >= 0);
        return lastSeen.put(digest(payload), now) == null;
    }

    synchronized void forget() {
        lastSeen.clear();
    }

    private static String digest(String payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
