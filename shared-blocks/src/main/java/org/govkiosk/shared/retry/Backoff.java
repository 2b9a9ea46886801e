package org.govkiosk.shared.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter, capped: the n-th consecutive failure waits {@code min(cap, base * 2^(n-1))},
 * less a random part of up to {@code jitter} of it, so a hall's terminals that lost the platform (or a device)
 * together do not all come back in the same second. The one backoff of the project: the outbox, the rating pad's
 * reconnects and the device supervisor's restarts all use it with their own parameters. Tests pass a seeded or
 * fixed {@code random} to make the delays deterministic.
 *
 * @param base the first wait, before jitter; zero retries at once every time
 * @param cap the longest wait
 * @param jitter the largest fraction taken off a wait, in [0, 1)
 * @param random where the jitter comes from; only {@link RandomGenerator#nextDouble()} is used
 */
public record Backoff(Duration base, Duration cap, double jitter, RandomGenerator random) {

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(random, "random");
        if (base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= base <= cap, got " + base + " and " + cap);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
    }

    /** The ceiling of the n-th wait (n >= 1), before jitter; huge n stay at the cap. */
    public Duration ceiling(int failures) {
        long base = this.base.toMillis();
        long cap = this.cap.toMillis();
        int shift = Math.max(0, failures - 1);
        if (base == 0) {
            return Duration.ZERO;
        }
        if (shift >= 62 || base > (cap >> shift)) {
            return this.cap;
        }
        return Duration.ofMillis(base << shift);
    }

    /** The wait after the n-th consecutive failure (n >= 1): its ceiling less up to {@code jitter} of it. */
    public Duration delay(int failures) {
        long ceiling = ceiling(failures).toMillis();
        double r = Math.min(Math.max(random.nextDouble(), 0.0), 1.0);
        long less = (long) (ceiling * jitter * r);
        return Duration.ofMillis(ceiling - less);
    }
}
