package org.govkiosk.app.journey;

import java.time.Duration;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.govkiosk.app.outbox.DeliveryWaits;
import org.govkiosk.app.outbox.Outbox;

/** Where a queued submission stands, for the citizen's screen: confirmed (with its receipt), waiting, or refused. */
public interface DeliveryTracker {

    /** How far the delivery of one case got. */
    sealed interface Delivery {
        /**
         * The platform confirmed it with this case number.
         *
         * @param receipt the platform's receipt the outbox kept with the confirmation (empty for an entry confirmed
         *                by a version of the terminal that kept none)
         */
        record Confirmed(String caseNumber, byte[] receipt) implements Delivery {
            public Confirmed {
                Objects.requireNonNull(caseNumber, "caseNumber");
                receipt = receipt == null ? new byte[0] : receipt.clone();
            }

            @Override
            public byte[] receipt() {
                return receipt.clone();
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Confirmed c && c.caseNumber.equals(caseNumber)
                        && java.util.Arrays.equals(c.receipt, receipt);
            }

            @Override
            public int hashCode() {
                return caseNumber.hashCode();
            }

            @Override
            public String toString() {
                return "Confirmed[" + caseNumber + ", receipt " + receipt.length + " bytes]";
            }
        }

        /** Not confirmed yet; {@code failedAttempts} tried and failed (the platform is down, most likely). */
        record Waiting(int failedAttempts) implements Delivery {
        }

        /** The platform refused it for good; it sits in the dead letters for a technician. */
        record Refused(String reason) implements Delivery {
        }
    }

    /** Where the entry stands now, as the outbox has it. */
    Delivery delivery(String idempotencyKey);

    /**
     * Waits up to {@code wait} for the platform to confirm or refuse the entry; gives up at once when the worker
     * already failed to reach the platform, or as soon as it fails while waiting (the citizen would wait for
     * nothing). Woken by the outbox worker, not by polling. Blocking.
     */
    Delivery await(String idempotencyKey, Duration wait);

    /**
     * Reads the terminal's outbox and waits on {@code waits}, which must be the outbox worker's listener; while the
     * worker is failing to reach the platform (backing off), a new case counts as failed at once rather than after a
     * wait the citizen spends for nothing.
     *
     * @param consecutiveFailures the worker's failed rounds in a row (1 or more while it is not running at all)
     */
    static DeliveryTracker of(Outbox outbox, DeliveryWaits waits, IntSupplier consecutiveFailures) {
        return new OutboxDeliveryTracker(outbox, waits, consecutiveFailures);
    }
}
