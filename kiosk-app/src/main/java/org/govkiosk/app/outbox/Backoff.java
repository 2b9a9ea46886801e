package org.govkiosk.app.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter, capped: the n-th consecutive failure waits {@code min(cap, base * 2^(n-1))},
 * less a random part of up to {@code jitter} of it, so a hall's terminals that lost the platform together do not
 * all come back in the same second.
 */
public record Backoff(Duration base, Duration cap, double jitter, RandomGenerator random) {

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, got " + base + " and " + cap);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
    }

    /** 2 s doubling to 5 min, up to 20 % less. */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 0.2, RandomGenerator.getDefault());
    }

    /** The ceiling of the n-th wait (n >= 1), before jitter. */
    public Duration ceiling(int failures) {
        int shift = Math.max(0, Math.min(failures - 1, 30));
        long millis = base.toMillis() << shift;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }

    /** The wait after the n-th consecutive failure (n >= 1). */
    public Duration delay(int failures) {
        long ceiling = ceiling(failures).toMillis();
        long less = (long) (ceiling * jitter * random.nextDouble());
        return Duration.ofMillis(ceiling - less);
    }
}
