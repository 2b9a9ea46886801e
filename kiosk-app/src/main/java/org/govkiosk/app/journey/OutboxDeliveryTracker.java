package org.govkiosk.app.journey;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.govkiosk.app.outbox.DeliveryWaits;
import org.govkiosk.app.outbox.EntryState;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.OutboxEntry;

/**
 * {@link DeliveryTracker} over the terminal's outbox. A wait is opened before the outbox is read, so an entry the
 * worker confirmed a moment before (the worker may be faster than the journey) is found in the outbox, and one it
 * confirms later is told through the wait: no confirmation falls between the two.
 */
final class OutboxDeliveryTracker implements DeliveryTracker {

    private final Outbox outbox;
    private final DeliveryWaits waits;
    private final IntSupplier consecutiveFailures;

    OutboxDeliveryTracker(Outbox outbox, DeliveryWaits waits, IntSupplier consecutiveFailures) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.waits = Objects.requireNonNull(waits, "waits");
        this.consecutiveFailures = Objects.requireNonNull(consecutiveFailures, "consecutiveFailures");
    }

    @Override
    public Delivery delivery(String key) {
        Optional<OutboxEntry> entry = outbox.find(key);
        if (entry.isEmpty()) {
            return new Delivery.Waiting(0);
        }
        OutboxEntry e = entry.get();
        if (e.state() == EntryState.CONFIRMED && e.reference().isPresent()) {
            return new Delivery.Confirmed(e.reference().get(), outbox.receipt(key).orElse(new byte[0]));
        }
        if (e.state() == EntryState.DEAD) {
            return new Delivery.Refused(e.lastError().orElse("refused"));
        }
        int failed = e.lastError().isPresent() ? Math.max(1, e.attempts()) : consecutiveFailures.getAsInt();
        return new Delivery.Waiting(failed);
    }

    @Override
    public Delivery await(String key, Duration wait) {
        try (DeliveryWaits.Wait told = waits.open(key)) {
            Delivery now = delivery(key);
            if (!(now instanceof Delivery.Waiting w) || w.failedAttempts() > 0) {
                return now;
            }
            DeliveryWaits.Settled settled;
            try {
                settled = told.settled().get(wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // The platform is slow: the citizen gets the slip saying the case goes out by itself.
                return delivery(key);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return delivery(key);
            } catch (ExecutionException e) {
                return delivery(key);
            }
            if (settled instanceof DeliveryWaits.Settled.Confirmed c) {
                return new Delivery.Confirmed(c.delivered().reference(), c.delivered().receipt());
            }
            if (settled instanceof DeliveryWaits.Settled.Refused r) {
                return new Delivery.Refused(r.reason());
            }
            return new Delivery.Waiting(Math.max(1, consecutiveFailures.getAsInt()));
        }
    }
}
