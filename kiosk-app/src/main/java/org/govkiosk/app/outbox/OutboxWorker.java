package org.govkiosk.app.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.govkiosk.shared.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that drains the outbox. It works in rounds: it takes a batch of due entries (highest priority first,
 * then oldest), records them as sent in one transaction, sends them over a small fixed pool in parallel (the
 * platform answers a resend of a key it has with what it answered the first time, so entries of one round are
 * independent), and confirms every delivered one in one transaction: two fsyncs per round instead of two per
 * entry. Nothing is taken for the next round before this one is recorded, so no entry is ever in flight twice.
 *
 * <p>A retryable failure puts the whole worker into backoff, not just the entry: when the platform is down every
 * entry would fail, and a queue of a hundred cases must not mean a hundred requests per round. While failing, a
 * round carries one entry only (a probe); the first success opens full rounds again. A permanent failure moves
 * the entry to the dead letters and the others go on.
 */
public final class OutboxWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    /** Four requests in flight keep a loopback or LAN platform busy without crowding a 2-core terminal. */
    public static final int DEFAULT_PARALLELISM = 4;
    /** Rounds of 32: a confirmation fsync shared by 32 entries, yet a round ends within a few requests' time. */
    public static final int DEFAULT_BATCH = 32;
    /**
     * Confirmed entries (their payload already erased) stay this long so a citizen's receipt can still be matched
     * to its platform case number on the terminal, then go: a terminal running for months must not grow its file.
     */
    public static final Duration CONFIRMED_RETENTION = Duration.ofDays(7);
    private static final long PURGE_EVERY_NANOS = TimeUnit.HOURS.toNanos(1);

    /** Observes attempts (tests, the maintenance screen's "last contact"). Called on the worker thread. */
    public interface Listener {
        /** Told of every attempt before its outcome is written (a confirmation is told again by {@link #confirmed}). */
        default void attempted(OutboxEntry entry, Delivery outcome, Instant at) {
        }

        /**
         * The entry's confirmation, with the receipt it keeps, is on disk: whoever is told here and then reads the
         * outbox finds the entry confirmed. A journey waiting for the entry completes from here.
         */
        default void confirmed(OutboxEntry entry, Delivery.Delivered delivered, Instant at) {
        }

        default void outboxFailed(OutboxException e) {
        }

        /**
         * A round failed and the worker waits {@code delay} before it sends again; told after the round's outcomes
         * are written.
         */
        default void backingOff(Duration delay, String reason) {
        }
    }

    private final Outbox outbox;
    private final Backoff backoff;
    private final Clock clock;
    private final Duration idlePoll;
    private final Listener listener;
    private final int batchSize;
    private final ParallelSender senders;
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
    /** When confirmed entries were last purged; the first idle moment after start purges. */
    private long lastPurgeNanos = System.nanoTime() - PURGE_EVERY_NANOS;

    /** The outbox's pace in a hall: 2 s doubling to 5 min, up to 20 % less. */
    public static Backoff standardBackoff() {
        return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 0.2,
                java.util.random.RandomGenerator.getDefault());
    }

    /** @param idlePoll how often an idle worker looks anyway (entries added by another process, clock jumps) */
    public OutboxWorker(Outbox outbox, OutboxSender sender, Backoff backoff, Clock clock, Duration idlePoll,
            Listener listener) {
        this(outbox, sender, backoff, clock, idlePoll, listener, DEFAULT_PARALLELISM, DEFAULT_BATCH);
    }

    /**
     * @param parallelism requests in flight at most (1 sends one entry at a time, in queue order)
     * @param batchSize   entries per round at most (their confirmations share one transaction)
     */
    public OutboxWorker(Outbox outbox, OutboxSender sender, Backoff backoff, Clock clock, Duration idlePoll,
            Listener listener, int parallelism, int batchSize) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idlePoll = Objects.requireNonNull(idlePoll, "idlePoll");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (batchSize < 1) {
            throw new IllegalArgumentException("an outbox round needs a batch size of at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.senders = new ParallelSender(Objects.requireNonNull(sender, "sender"), parallelism, () -> running,
                () -> busySinceNanos = System.nanoTime());
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

    /**
     * {@link System#nanoTime()} since when the worker has made no progress: the start of its current step (a
     * database call, a round) or the last send of the round that finished; 0 while the worker waits.
     */
    public long busySinceNanos() {
        return busySinceNanos;
    }

    /** The last failure's reason, until a delivery succeeds. */
    public Optional<String> lastProblem() {
        return Optional.ofNullable(lastProblem);
    }

    /** Purges old confirmed entries at most once an hour, when there is nothing to send. */
    private void purgeIfDue() {
        if (System.nanoTime() - lastPurgeNanos < PURGE_EVERY_NANOS) {
            return;
        }
        lastPurgeNanos = System.nanoTime();
        int purged = outbox.purgeConfirmed(CONFIRMED_RETENTION);
        if (purged > 0) {
            LOG.info("Outbox: purged {} entries confirmed more than {} days ago", purged, CONFIRMED_RETENTION.toDays());
        }
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
                List<OutboxMessage> batch = outbox.peek(consecutiveFailures > 0 ? 1 : batchSize);
                if (batch.isEmpty()) {
                    purgeIfDue();
                    pause(untilNextDue(), true);
                    continue;
                }
                deliver(batch);
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

    /** One round: mark all sent (one transaction), send in parallel, then record every outcome. */
    private void deliver(List<OutboxMessage> batch) {
        outbox.markSent(batch.stream().map(m -> m.entry().id()).toList());
        List<Delivery> outcomes = senders.sendAll(batch);
        Instant at = clock.instant();
        Map<Long, Delivery.Delivered> delivered = new LinkedHashMap<>();
        List<OutboxEntry> retries = new ArrayList<>();
        List<OutboxEntry> notSent = new ArrayList<>();
        String retryReason = null;
        for (int i = 0; i < batch.size(); i++) {
            OutboxEntry entry = batch.get(i).entry();
            Delivery outcome = outcomes.get(i);
            if (outcome instanceof Delivery.Delivered d) {
                delivered.put(entry.id(), d);
                lastProblem = null;
            } else if (outcome instanceof Delivery.RetryLater retry) {
                retries.add(entry);
                retryReason = retry.reason();
            } else if (outcome instanceof Delivery.Rejected rejected) {
                outbox.drop(entry.id(), rejected.reason());
                lastProblem = rejected.reason();
                LOG.error("Outbox: the platform refused {} {}; moved to the dead letters: {}", entry.kind(),
                        entry.idempotencyKey(), rejected.reason());
            }
            if (outcome == null) {
                // Not sent: the worker is stopping (it stays SENT and goes at the next start), or an earlier entry
                // of the round failed (it waits out the backoff with the failed ones, below).
                notSent.add(entry);
            }
        }
        if (retries.isEmpty() && outcomes.stream().anyMatch(Objects::nonNull)) {
            // Before the confirmations are written: whoever sees an entry confirmed also sees the platform as
            // reachable again (the citizen's screen asks both).
            consecutiveFailures = 0;
        }
        if (retryReason != null) {
            // Before the listener hears of the failed attempt, for the same reason: whoever sees it failed also sees
            // why (OutageTest read the reason right after the attempts and found none once).
            lastProblem = retryReason;
        }
        // Told before the confirmations are written, for the same reason: whoever sees an entry confirmed also
        // sees its attempt (a test read a round's attempts before the last ones were told).
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i) != null) {
                listener.attempted(batch.get(i).entry(), outcomes.get(i), at);
            }
        }
        outbox.confirmAll(delivered);
        tellConfirmed(batch, delivered, at);
        if (!retries.isEmpty()) {
            // One failed round counts once, however many of its entries failed: the backoff tracks the platform.
            int failures = ++consecutiveFailures;
            Duration delay = backoff.delay(failures);
            for (OutboxEntry entry : retries) {
                outbox.reschedule(entry.id(), at.plus(delay), retryReason);
            }
            for (OutboxEntry entry : notSent) {
                outbox.reschedule(entry.id(), at.plus(delay), "not sent: another entry of its round failed ("
                        + retryReason + ")");
            }
            backoffUntilNanos = System.nanoTime() + delay.toNanos();
            lastProblem = retryReason;
            listener.backingOff(delay, retryReason);
            LOG.warn("Outbox: {} of {} entries not delivered ({}), {} not sent, e.g. {} {}; round {} in a row failed,"
                    + " next in {} ms", retries.size(), batch.size(), retryReason, notSent.size(), retries.get(0).kind(),
                    retries.get(0).idempotencyKey(), failures, delay.toMillis());
        }
    }

    /** After the commit, so a waiting journey that is told reads the confirmation and its receipt back. */
    private void tellConfirmed(List<OutboxMessage> batch, Map<Long, Delivery.Delivered> delivered, Instant at) {
        for (OutboxMessage message : batch) {
            Delivery.Delivered d = delivered.get(message.entry().id());
            if (d == null) {
                continue;
            }
            try {
                listener.confirmed(message.entry(), d, at);
            } catch (RuntimeException e) {
                // The confirmation is recorded; a listener's fault must not cost the round's reschedules.
                LOG.error("Outbox listener failed on the confirmation of {} {}", message.entry().kind(),
                        message.entry().idempotencyKey(), e);
            }
        }
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

    /**
     * Gives up on a stuck worker (its supervisor starts another): it stops taking work and its thread and senders
     * are interrupted, without waiting for them. An entry it had in flight stays SENT and the next worker sends it
     * again under the same idempotency key, which the platform stores once.
     *
     * @return where the worker's thread was stuck (its top frames), for the record
     */
    public String abandon() {
        running = false;
        StackTraceElement[] frames = thread.getStackTrace();
        thread.interrupt();
        senders.abandon();
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < Math.min(6, frames.length); i++) {
            where.append(i == 0 ? "" : " < ").append(frames[i]);
        }
        return where.length() == 0 ? "(thread not running)" : where.toString();
    }

    /** True while the worker's thread lives (false after close, or once an abandoned thread let go). */
    public boolean alive() {
        return thread.isAlive();
    }

    /**
     * Stops after the round in progress; entries of it not yet sent stay queued (an HTTP request is bounded by the
     * client's timeouts).
     */
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
        senders.close();
    }
}
