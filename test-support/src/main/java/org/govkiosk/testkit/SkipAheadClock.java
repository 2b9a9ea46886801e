package org.govkiosk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real time, plus whatever the test skipped ahead: for code that needs time to run on (a file settling, a poll)
 * and a window the test wants over without waiting it out, or a pause a person would make (a receipt taken away
 * from the scanner and shown again). {@link MutableClock} stands still instead.
 */
public final class SkipAheadClock extends Clock {

    private final Clock real;
    private final AtomicReference<Duration> skipped;

    public SkipAheadClock() {
        this(Clock.systemDefaultZone(), new AtomicReference<>(Duration.ZERO));
    }

    private SkipAheadClock(Clock real, AtomicReference<Duration> skipped) {
        this.real = real;
        this.skipped = skipped;
    }

    /** Moves this clock, and every clock made from it with {@link #withZone}, ahead by {@code by}. */
    public void skip(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + by);
        }
        skipped.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
        return real.instant().plus(skipped.get());
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SkipAheadClock(real.withZone(zone), skipped);
    }
}
