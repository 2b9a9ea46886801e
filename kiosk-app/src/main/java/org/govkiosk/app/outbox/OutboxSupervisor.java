package org.govkiosk.app.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an outbox worker running: a worker that has made no progress for {@code stuckAfter} (no send finished, no
 * database step ended; an HTTP request is bounded by the client's timeouts, far below it) is abandoned and a fresh
 * one started, and the restart is reported with where the old one was stuck. Entries the stuck one had in flight
 * are sent again by the new one under the same idempotency keys. A worker stuck where no restart helps (the outbox
 * file itself hanging) is left to the systemd watchdog, whose limit is longer than this one.
 */
public final class OutboxSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSupervisor.class);
    /** Well above one request's worst case (5 s to connect + 20 s to answer), below the systemd watchdog's 90 s. */
    public static final Duration DEFAULT_STUCK_AFTER = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CHECK_EVERY = Duration.ofSeconds(10);

    /** Told of every restart, with its cause (logged already). */
    @FunctionalInterface
    public interface Restarts {
        void restarted(String cause);
    }

    private final Supplier<OutboxWorker> factory;
    private final Duration stuckAfter;
    private final Restarts restarts;
    private final ScheduledExecutorService checker;
    private final AtomicInteger restartCount = new AtomicInteger();
    private volatile OutboxWorker current;
    private boolean closed;

    private OutboxSupervisor(Supplier<OutboxWorker> factory, Duration stuckAfter, Restarts restarts) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.stuckAfter = Objects.requireNonNull(stuckAfter, "stuckAfter");
        this.restarts = Objects.requireNonNull(restarts, "restarts");
        this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-supervisor");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a worker from {@code factory} (which returns it not started) and watches it.
     *
     * @param checkEvery how often to look; a stuck worker is replaced within {@code stuckAfter + checkEvery}
     */
    public static OutboxSupervisor start(Supplier<OutboxWorker> factory, Duration stuckAfter, Duration checkEvery,
            Restarts restarts) {
        OutboxSupervisor s = new OutboxSupervisor(factory, stuckAfter, restarts);
        s.current = factory.get().start();
        s.checker.scheduleWithFixedDelay(s::check, checkEvery.toMillis(), checkEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        return s;
    }

    /** The worker running now. */
    public OutboxWorker worker() {
        return current;
    }

    /** Restarts since start. */
    public int restarts() {
        return restartCount.get();
    }

    private synchronized void check() {
        if (closed) {
            return;
        }
        try {
            OutboxWorker w = current;
            long since = w.busySinceNanos();
            long stuckMillis = since == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
            if (stuckMillis <= stuckAfter.toMillis() && w.alive()) {
                return;
            }
            boolean ended = !w.alive();
            String where = w.abandon();
            String cause = ended ? "outbox worker thread ended unexpectedly"
                    : "outbox worker made no progress for " + stuckMillis + " ms (limit " + stuckAfter.toMillis()
                            + " ms); stuck at " + where;
            current = factory.get().start();
            restartCount.incrementAndGet();
            LOG.error("Outbox: {}; started a new worker", cause);
            restarts.restarted(cause);
        } catch (RuntimeException e) {
            // The checker must outlive any one failure, or nothing would watch the worker any more.
            LOG.error("Outbox supervisor: check failed", e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        checker.shutdownNow();
        current.close();
    }
}
