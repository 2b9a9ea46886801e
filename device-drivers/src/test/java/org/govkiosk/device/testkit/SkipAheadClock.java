package org.govkiosk.device.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The real time, plus whatever the test skipped ahead: for code that needs time to run on (a file settling, a poll)
 * and a window that the test wants over without waiting it out. {@link MutableClock} stands still instead.
 */
public final class SkipAheadClock extends Clock {

    private final Clock real = Clock.systemUTC();
    private volatile Duration skipped = Duration.ZERO;

    public synchronized void skip(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + by);
        }
        skipped = skipped.plus(by);
    }

    @Override
    public Instant instant() {
        return real.instant().plus(skipped);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
