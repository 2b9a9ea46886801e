package org.govkiosk.app.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real clock plus an offset the test moves forward: time runs as usual, and a test can also let time pass at
 * once where a person would (a receipt taken away from the scanner and shown again a little later) instead of
 * sleeping.
 */
public final class ShiftedClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public ShiftedClock() {
        this(Clock.systemDefaultZone(), new AtomicReference<>(Duration.ZERO));
    }

    private ShiftedClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Moves this clock, and every clock made from it with {@link #withZone}, forward by {@code by}. */
    public void pass(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time does not run backwards: " + by);
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ShiftedClock(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
