package org.govkiosk.app.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a journey wait for its entry's fate without polling the outbox: the worker tells it (this is the worker's
 * {@link OutboxWorker.Listener}) when the entry's confirmation is on disk, when the platform refused it, or when the
 * worker gives up for now and backs off. One instance serves every worker of a terminal, so a worker the supervisor
 * replaced tells the same waits.
 *
 * <p>Race-free with the entry's own progress: a caller {@link #open opens} its wait first and reads the outbox
 * after; an entry confirmed before the wait was open is then found confirmed in the outbox, one confirmed after is
 * told here. Both may happen; the answer is the same.
 */
public final class DeliveryWaits implements OutboxWorker.Listener {

    /** How an entry's wait ended. */
    public sealed interface Settled {
        /** Its confirmation, with the receipt kept, is on disk. */
        record Confirmed(OutboxEntry entry, Delivery.Delivered delivered) implements Settled {
            public Confirmed {
                Objects.requireNonNull(entry, "entry");
                Objects.requireNonNull(delivered, "delivered");
            }
        }

        /** The platform refused it for good: it is in the dead letters. */
        record Refused(String reason) implements Settled {
        }

        /** The worker cannot reach the platform now and backs off: the entry goes out later, by itself. */
        record Failing(String reason) implements Settled {
        }
    }

    /** One caller's wait; close it when done waiting, told or not. */
    public final class Wait implements AutoCloseable {
        private final String key;
        private final CompletableFuture<Settled> settled = new CompletableFuture<>();

        private Wait(String key) {
            this.key = key;
        }

        /** Completes when the worker tells this entry's fate (never exceptionally). */
        public CompletableFuture<Settled> settled() {
            return settled;
        }

        @Override
        public void close() {
            waiting.remove(this);
        }
    }

    /** Open waits: few at a time (one per journey waiting on this terminal). */
    private final Map<Wait, Boolean> waiting = new ConcurrentHashMap<>();

    /** Starts waiting for the entry under {@code idempotencyKey}; read the outbox only after this. */
    public Wait open(String idempotencyKey) {
        Wait wait = new Wait(Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
        waiting.put(wait, Boolean.TRUE);
        return wait;
    }

    /** Waits open now (tests: a journey is waiting). */
    public int waiting() {
        return waiting.size();
    }

    @Override
    public void attempted(OutboxEntry entry, Delivery outcome, Instant at) {
        // Told after the entry went to the dead letters (a confirmation is told by confirmed(), once on disk).
        if (outcome instanceof Delivery.Rejected rejected) {
            tell(entry.idempotencyKey(), new Settled.Refused(rejected.reason()));
        }
    }

    @Override
    public void confirmed(OutboxEntry entry, Delivery.Delivered delivered, Instant at) {
        tell(entry.idempotencyKey(), new Settled.Confirmed(entry, delivered));
    }

    @Override
    public void backingOff(Duration delay, String reason) {
        // Every wait, not only the failed entry's: an entry not sent yet waits out the same backoff, and the
        // citizen should not spend it at the terminal.
        tellAll(new Settled.Failing(reason));
    }

    @Override
    public void outboxFailed(OutboxException e) {
        tellAll(new Settled.Failing(e.getMessage()));
    }

    private void tell(String key, Settled settled) {
        for (Wait w : waiting.keySet()) {
            if (w.key.equals(key)) {
                w.settled.complete(settled);
            }
        }
    }

    private void tellAll(Settled settled) {
        for (Wait w : waiting.keySet()) {
            w.settled.complete(settled);
        }
    }
}
