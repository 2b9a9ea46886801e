package org.govkiosk.app.outbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one round of outbox entries over a small fixed pool of daemon threads and gives the outcomes back in the
 * round's order. Entries start in that order (the pool's queue is FIFO); a sender that throws is a bug, not the
 * entry's fault: the entry is kept and retried.
 *
 * <p>Once one entry of a round may be retried later (platform down, timing out), entries of the round not started
 * yet are not sent (outcome null): a platform that accepts connections and never answers would otherwise cost a
 * round of 32 entries eight request timeouts in a row on four threads. Every finished send reports progress, so a
 * long round that moves is told apart from a stuck one.
 */
final class ParallelSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ParallelSender.class);

    private final OutboxSender sender;
    private final BooleanSupplier running;
    private final Runnable progress;
    private final ExecutorService pool;

    /**
     * @param running  false once the worker stops: entries not started by then are left queued (outcome null)
     * @param progress called after every send that finished, whatever its outcome
     */
    ParallelSender(OutboxSender sender, int parallelism, BooleanSupplier running, Runnable progress) {
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("outbox parallelism must be 1..64, got " + parallelism);
        }
        this.sender = Objects.requireNonNull(sender, "sender");
        this.running = Objects.requireNonNull(running, "running");
        this.progress = Objects.requireNonNull(progress, "progress");
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor threads = new ThreadPoolExecutor(parallelism, parallelism, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "outbox-sender-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        // All at once, not one per busy moment: the terminal's thread count is the same from the first round on.
        threads.prestartAllCoreThreads();
        this.pool = threads;
    }

    /**
     * One outcome per entry, same order; null where the entry was not sent, because the worker is stopping or an
     * earlier entry of the round is to be retried later.
     */
    List<Delivery> sendAll(List<OutboxMessage> batch) {
        Delivery[] outcomes = new Delivery[batch.size()];
        if (batch.size() == 1) {
            // A lone entry (the usual case at a quiet terminal, and every probe during an outage) needs no hand-off.
            outcomes[0] = sendOne(batch.get(0));
            return Arrays.asList(outcomes);
        }
        List<Future<Delivery>> futures = new ArrayList<>(batch.size());
        AtomicBoolean platformFailing = new AtomicBoolean();
        for (OutboxMessage message : batch) {
            futures.add(pool.submit(() -> {
                if (!running.getAsBoolean() || platformFailing.get()) {
                    return null;
                }
                Delivery outcome = sendOne(message);
                if (outcome instanceof Delivery.RetryLater) {
                    platformFailing.set(true);
                }
                return outcome;
            }));
        }
        for (int i = 0; i < futures.size(); i++) {
            try {
                outcomes[i] = futures.get(i).get();
            } catch (InterruptedException e) {
                // Stopping: what was not sent stays queued; what was sent but not recorded is resent (same key).
                Thread.currentThread().interrupt();
                futures.forEach(f -> f.cancel(false));
                break;
            } catch (ExecutionException e) {
                LOG.error("Outbox sender failed on {} {}", batch.get(i).entry().kind(),
                        batch.get(i).entry().idempotencyKey(), e.getCause());
                outcomes[i] = new Delivery.RetryLater("sender failed: " + e.getCause());
            }
        }
        return Arrays.asList(outcomes);
    }

    private Delivery sendOne(OutboxMessage message) {
        try {
            Delivery outcome = sender.send(message);
            return outcome != null ? outcome : new Delivery.RetryLater("sender returned no outcome");
        } catch (RuntimeException e) {
            OutboxEntry entry = message.entry();
            LOG.error("Outbox sender failed on {} {}", entry.kind(), entry.idempotencyKey(), e);
            return new Delivery.RetryLater("sender failed: " + e);
        } finally {
            progress.run();
        }
    }

    /** Stops at once: senders in flight are interrupted (an HTTP request gives up), nothing new starts. */
    void abandon() {
        pool.shutdownNow();
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }
}
