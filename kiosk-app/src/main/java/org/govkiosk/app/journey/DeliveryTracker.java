package org.govkiosk.app.journey;

import java.util.Optional;
import org.govkiosk.app.outbox.EntryState;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.OutboxEntry;
import org.govkiosk.app.outbox.OutboxWorker;

/** Where a queued case stands in the outbox: the journey waits a moment for its case number before printing. */
@FunctionalInterface
public interface DeliveryTracker {

    /** How far the delivery of one case got. */
    sealed interface Delivery {
        /** The platform confirmed it with this case number. */
        record Confirmed(String caseNumber) implements Delivery {
        }

        /** Not confirmed yet; {@code failedAttempts} tried and failed (the platform is down, most likely). */
        record Waiting(int failedAttempts) implements Delivery {
        }

        /** The platform refused it for good; it sits in the dead letters for a technician. */
        record Refused(String reason) implements Delivery {
        }
    }

    Delivery delivery(String idempotencyKey);

    /**
     * Waits up to {@code wait} for the platform to confirm or refuse the entry; gives up at once when the worker
     * already failed to reach the platform (the citizen would wait for nothing). Blocking.
     */
    default Delivery await(String idempotencyKey, java.time.Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Delivery d = delivery(idempotencyKey);
            boolean failed = d instanceof Delivery.Waiting w && w.failedAttempts() > 0;
            if (!(d instanceof Delivery.Waiting) || failed || System.nanoTime() >= deadline) {
                return d;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return d;
            }
        }
    }

    /**
     * Reads the terminal's outbox; while the worker is failing to reach the platform (backing off), a new case
     * counts as failed at once rather than after a wait the citizen spends for nothing.
     */
    static DeliveryTracker of(Outbox outbox, OutboxWorker worker) {
        return of(outbox, worker::consecutiveFailures);
    }

    /** As {@link #of(Outbox, OutboxWorker)}, for a worker that may not run yet (its failures counted by the caller). */
    static DeliveryTracker of(Outbox outbox, java.util.function.IntSupplier consecutiveFailures) {
        return key -> {
            Optional<OutboxEntry> entry = outbox.find(key);
            if (entry.isEmpty()) {
                return new Delivery.Waiting(0);
            }
            OutboxEntry e = entry.get();
            if (e.state() == EntryState.CONFIRMED && e.reference().isPresent()) {
                return new Delivery.Confirmed(e.reference().get());
            }
            if (e.state() == EntryState.DEAD) {
                return new Delivery.Refused(e.lastError().orElse("refused"));
            }
            int failed = e.lastError().isPresent() ? Math.max(1, e.attempts()) : consecutiveFailures.getAsInt();
            return new Delivery.Waiting(failed);
        };
    }
}
