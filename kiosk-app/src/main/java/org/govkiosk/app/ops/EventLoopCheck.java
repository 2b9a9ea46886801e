package org.govkiosk.app.ops;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether an event loop (the JavaFX application thread) still runs what it is given: each check posts a tiny task
 * unless one is still waiting, and the loop counts as hung once a posted task has waited longer than
 * {@code maxLag}. Never blocks the caller, so the watchdog's own thread cannot hang on a hung UI.
 */
public final class EventLoopCheck implements HealthCheck {

    private final String name;
    private final Executor loop;
    private final Duration maxLag;
    /** System.nanoTime() of the post still unanswered, or 0 when none is outstanding. */
    private final AtomicLong postedAt = new AtomicLong();

    /** @param loop e.g. {@code javafx.application.Platform::runLater} */
    public EventLoopCheck(String name, Executor loop, Duration maxLag) {
        this.name = Objects.requireNonNull(name, "name");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.maxLag = Objects.requireNonNull(maxLag, "maxLag");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> problem() {
        long now = System.nanoTime();
        long posted = postedAt.get();
        if (posted != 0) {
            long waited = now - posted;
            return waited > maxLag.toNanos()
                    ? Optional.of(name + " has not run a task for " + waited / 1_000_000 + " ms (limit "
                            + maxLag.toMillis() + " ms)")
                    : Optional.empty();
        }
        long stamp = now == 0 ? 1 : now;
        if (postedAt.compareAndSet(0, stamp)) {
            try {
                loop.execute(() -> postedAt.compareAndSet(stamp, 0));
            } catch (RuntimeException e) {
                // A loop that refuses work (FX toolkit gone) stays "posted", so it turns unhealthy after maxLag.
                return Optional.of(name + " refused a task: " + e);
            }
        }
        return Optional.empty();
    }
}
