package org.govkiosk.app.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.govkiosk.api.Heartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the terminal's heartbeat to the platform every interval, and soon after a device changes its status
 * ({@link #beatSoon()}, debounced so a flapping device sends one beat per debounce window, not one per flap).
 *
 * <p>Beats run one at a time on their own thread: a slow or absent platform delays only the next beat (the HTTP
 * client's timeouts bound each call), requests never queue up, and the caller of {@link #beatSoon()} (a device's
 * thread) never waits. A heartbeat is a snapshot, so a failed one is not retried: the next one says it all anew.
 * A failing platform is logged once when the outage starts and once when it ends, not at every beat.
 */
public final class HeartbeatSender implements AutoCloseable {

    /** Device status changes within this window go out as one beat. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatSender.class);

    private final Supplier<Optional<PlatformClient>> client;
    private final Supplier<Heartbeat> content;
    private final Duration interval;
    private final Duration debounce;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean soonQueued = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    // Written by the heartbeat thread only; volatile so the maintenance screen and tests can read it.
    private volatile int failuresInARow;

    /**
     * @param client  the platform client once connected; while empty, beats are skipped without a word
     * @param content what to send, read at each beat
     * @param thread  the beats' own thread (the terminal's executor registry makes it); shut down by {@link #close}
     */
    public HeartbeatSender(Supplier<Optional<PlatformClient>> client, Supplier<Heartbeat> content, Duration interval,
            Duration debounce, ScheduledExecutorService thread) {
        if (interval.isNegative() || interval.isZero() || debounce.isNegative()) {
            throw new IllegalArgumentException("interval must be positive and debounce not negative");
        }
        this.client = client;
        this.content = content;
        this.interval = interval;
        this.debounce = debounce;
        this.thread = thread;
    }

    /** Beats every interval from one interval from now (call {@link #beatSoon()} for an earlier first beat). */
    public HeartbeatSender start() {
        // Fixed delay, not fixed rate: a beat that hung until its timeout is not followed by a burst of catch-ups.
        thread.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** A beat within the debounce time; any number of calls until then make one beat. Never blocks. */
    public void beatSoon() {
        if (!soonQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.schedule(() -> {
                soonQueued.set(false); // a change from now on needs its own beat: this snapshot may predate it
                beat();
            }, debounce.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            soonQueued.set(false); // closed: nothing more to send
        }
    }

    private void beat() {
        Optional<PlatformClient> c = client.get();
        if (c.isEmpty()) {
            return; // not connected yet: the terminal's start-up says so already
        }
        try {
            c.get().heartbeat(content.get());
            if (failuresInARow > 0) {
                LOG.info("Heartbeats reach the platform again (after {} failed)", failuresInARow);
            }
            failuresInARow = 0;
            // Counted last: whoever sees the count grow also sees the outage over and its end logged.
            sent.incrementAndGet();
        } catch (PlatformException | RuntimeException e) {
            // A RuntimeException must not escape either: it would cancel the periodic task for good.
            if (failuresInARow++ == 0) {
                LOG.warn("Heartbeat to the platform failed ({}); trying again every {} s, logged again when it works",
                        e.getMessage(), interval.toSeconds());
            }
        }
    }

    /**
     * Completes once every beat that {@link #beatSoon()} queued before this call has run: the heartbeat thread runs
     * its tasks in the order they are due, and this one is due after them. For tests that check that a beat did not
     * come (they wait for this instead of for a while).
     */
    CompletableFuture<Void> queuedBeatsDone() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        thread.schedule(() -> done.complete(null), debounce.toMillis(), TimeUnit.MILLISECONDS);
        return done;
    }

    /** Heartbeats the platform acknowledged so far. */
    public long sentCount() {
        return sent.get();
    }

    /** Failed beats since the last one that got through. */
    public int failuresInARow() {
        return failuresInARow;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
