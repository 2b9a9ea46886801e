package org.govkiosk.platform.fleet;

import java.time.Duration;

/**
 * When the fleet page raises its alarms.
 *
 * @param staleAfterIntervals     a terminal that has not beaten for this many of its intervals counts as offline
 * @param defaultInterval         the interval of a terminal that does not say its own
 * @param outboxAgeAlarm          an outbox entry older than this means cases are not reaching the platform
 * @param liveInterval            how often an open page gets the fleet pushed (over its event stream)
 */
public record FleetSettings(int staleAfterIntervals, Duration defaultInterval, Duration outboxAgeAlarm,
        Duration liveInterval) {

    /** Tests and demos push faster. */
    public static final String LIVE_INTERVAL_PROPERTY = "govkiosk.fleet.live-interval-millis";

    public FleetSettings {
        if (staleAfterIntervals < 1) {
            throw new IllegalArgumentException("staleAfterIntervals must be at least 1");
        }
        for (Duration d : new Duration[] {defaultInterval, outboxAgeAlarm, liveInterval}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("fleet page durations must be positive");
            }
        }
    }

    /**
     * Three missed beats at the terminals' default 60 s; an outbox entry waiting 15 minutes; the fleet pushed every
     * 10 s (a system property may change it). (Sign-in lasts as staff sessions do: {@code StaffAuth.Lifetimes}.)
     */
    public static FleetSettings defaults() {
        return new FleetSettings(3, Duration.ofSeconds(60), Duration.ofMinutes(15),
                Duration.ofMillis(Long.getLong(LIVE_INTERVAL_PROPERTY, 10_000)));
    }
}
