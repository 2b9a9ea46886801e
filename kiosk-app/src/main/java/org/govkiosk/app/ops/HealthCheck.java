package org.govkiosk.app.ops;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One part of the terminal the systemd watchdog vouches for. {@link #problem()} is empty while the part works;
 * otherwise it says what is wrong, for the log and systemd's STATUS line. Called on the watchdog's thread, so it
 * must answer at once and never block.
 */
public interface HealthCheck {

    String name();

    Optional<String> problem();

    static HealthCheck of(String name, Supplier<Optional<String>> problem) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(problem, "problem");
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> problem() {
                return problem.get();
            }
        };
    }

    /**
     * A periodic task that stamps {@link System#nanoTime()} each round (the device supervisor): unhealthy when
     * the last stamp is older than {@code maxAge}, i.e. its scheduler is stuck.
     */
    static HealthCheck checkedInWithin(String name, LongSupplier lastCheckInNanos, Duration maxAge) {
        return of(name, () -> {
            long age = System.nanoTime() - lastCheckInNanos.getAsLong();
            return age > maxAge.toNanos()
                    ? Optional.of(name + " has not checked in for " + age / 1_000_000 + " ms (limit "
                            + maxAge.toMillis() + " ms)")
                    : Optional.empty();
        });
    }

    /**
     * A worker that may wait as long as it likes but must finish each step in time (the outbox worker):
     * {@code busySinceNanos} is 0 while it waits, else when the current step began.
     */
    static HealthCheck stepWithin(String name, LongSupplier busySinceNanos, Duration maxStep) {
        return of(name, () -> {
            long since = busySinceNanos.getAsLong();
            long busy = since == 0 ? 0 : System.nanoTime() - since;
            return busy > maxStep.toNanos()
                    ? Optional.of(name + " is stuck in one step for " + busy / 1_000_000 + " ms (limit "
                            + maxStep.toMillis() + " ms)")
                    : Optional.empty();
        });
    }
}
