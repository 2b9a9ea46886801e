package org.govkiosk.app.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that drains the outbox. It sends one entry at a time, highest priority first. A retryable
 * failure puts the whole worker into backoff, not just the entry: when the platform is down every entry would
 * fail, and a queue of a hundred cases must not mean a hundred requests per round. A permanent failure moves the
 * entry to the dead letters and goes on with the next.
 */
public final class OutboxWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    /** Observes attempts (tests, the maintenance screen's "last contact"). Called on the worker thread. */
    public interface Listener {
        default void attempted(OutboxEntry entry, Delivery outcome, Instant at) {
        }

        default void outboxFailed(OutboxException e) {
        }
    }

    private final Outbox outbox;
    private final OutboxSender sender;
    private final Backoff backoff;
    private final Clock clock;
    private final Duration idlePoll;
    private final Listener listener;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private final Thread thread;

    private volatile boolean running;
    private boolean wakeRequested;
    private volatile int consecutiveFailures;
    private volatile long backoffUntilNanos;
    private volatile String lastProblem;
    /** Watchdog check-in: System.nanoTime() when the current step began, 0 while waiting by choice. */
    private volatile long busySinceNanos;

    /** @param idlePoll how often an idle worker looks anyway (entries added by another process, clock jumps) */
    public OutboxWorker(Outbox outbox, OutboxSender sender, Backoff backoff, Clock clock, Duration idlePoll,
            Listener listener) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idlePoll = Objects.requireNonNull(idlePoll, "idlePoll");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.thread = new Thread(this::run, "outbox-worker");
        this.thread.setDaemon(true);
    }

    public OutboxWorker start() {
        running = true;
        thread.start();
        return this;
    }

    /** Something was added: look now (unless backing off after a failure). */
    public void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** {@link System#nanoTime()} since when one step (a send, a database call) runs; 0 while the worker waits. */
    public long busySinceNanos() {
        return busySinceNanos;
    }

    /** The last failure's reason, until a delivery succeeds. */
    public Optional<String> lastProblem() {
        return Optional.ofNullable(lastProblem);
    }

    private void run() {
        while (running) {
            busySinceNanos = System.nanoTime();
            try {
                long backoffLeft = backoffUntilNanos - System.nanoTime();
                if (backoffLeft > 0) {
                    pause(backoffLeft, false);
                    continue;
                }
                Optional<OutboxMessage> next = outbox.peek();
                if (next.isEmpty()) {
                    pause(untilNextDue(), true);
                    continue;
                }
                deliver(next.get());
            } catch (OutboxException e) {
                // The queue itself failed (disk full, damaged file): keep the thread, back off, tell the listener.
                lastProblem = e.getMessage();
                consecutiveFailures++;
                LOG.error("Outbox worker: {}", e.getMessage(), e);
                listener.outboxFailed(e);
                backoffUntilNanos = System.nanoTime() + backoff.delay(consecutiveFailures).toNanos();
            } catch (RuntimeException e) {
                lastProblem = String.valueOf(e);
                LOG.error("Outbox worker: unexpected failure", e);
                backoffUntilNanos = System.nanoTime() + backoff.delay(++consecutiveFailures).toNanos();
            }
        }
    }

    private void deliver(OutboxMessage message) {
        OutboxEntry entry = message.entry();
        outbox.markSent(entry.id());
        Delivery outcome;
        try {
            outcome = sender.send(message);
        } catch (RuntimeException e) {
            // A sender bug is not the case's fault: keep the entry and retry, loudly.
            LOG.error("Outbox sender failed on {} {}", entry.kind(), entry.idempotencyKey(), e);
            outcome = new Delivery.RetryLater("sender failed: " + e);
        }
        Instant at = clock.instant();
        if (outcome instanceof Delivery.Delivered delivered) {
            outbox.confirm(entry.id(), delivered.reference());
            consecutiveFailures = 0;
            lastProblem = null;
        } else if (outcome instanceof Delivery.RetryLater retry) {
            int failures = ++consecutiveFailures;
            Duration delay = backoff.delay(failures);
            outbox.reschedule(entry.id(), at.plus(delay), retry.reason());
            backoffUntilNanos = System.nanoTime() + delay.toNanos();
            lastProblem = retry.reason();
            LOG.warn("Outbox: {} {} not delivered ({}); attempt {} in a row failed, next in {} ms", entry.kind(),
                    entry.idempotencyKey(), retry.reason(), failures, delay.toMillis());
        } else if (outcome instanceof Delivery.Rejected rejected) {
            outbox.drop(entry.id(), rejected.reason());
            consecutiveFailures = 0;
            lastProblem = rejected.reason();
            LOG.error("Outbox: the platform refused {} {}; moved to the dead letters: {}", entry.kind(),
                    entry.idempotencyKey(), rejected.reason());
        }
        listener.attempted(entry, outcome, at);
    }

    private long untilNextDue() {
        long poll = idlePoll.toNanos();
        return outbox.nextDueAt()
                .map(at -> Math.min(poll, Math.max(1, Duration.between(clock.instant(), at).toNanos())))
                .orElse(poll);
    }

    private void pause(long nanos, boolean wakeable) {
        busySinceNanos = 0;
        lock.lock();
        try {
            long left = nanos;
            while (running && left > 0 && !(wakeable && wakeRequested)) {
                left = signal.awaitNanos(left);
            }
            if (wakeable) {
                wakeRequested = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Stops after the attempt in progress (an HTTP request is bounded by the client's timeouts). */
    @Override
    public void close() {
        running = false;
        lock.lock();
        try {
            signal.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
