package org.govkiosk.app.outbox;

import java.util.Objects;

/** How one delivery attempt ended. */
public sealed interface Delivery {

    /**
     * The platform has the entry.
     *
     * @param reference what it answered (a case number for a case), kept as the entry's reference
     * @param receipt   the platform's verified receipt as the outbox keeps it with the confirmation (the
     *                  entry's converter decides what of it is kept); empty when the sender has none
     */
    record Delivered(String reference, byte[] receipt) implements Delivery {
        public Delivered {
            Objects.requireNonNull(reference, "reference");
            receipt = receipt == null ? new byte[0] : receipt.clone();
        }

        /** Delivered without a receipt to keep. */
        public Delivered(String reference) {
            this(reference, new byte[0]);
        }

        @Override
        public byte[] receipt() {
            return receipt.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Delivered d && d.reference.equals(reference)
                    && java.util.Arrays.equals(d.receipt, receipt);
        }

        @Override
        public int hashCode() {
            return 31 * reference.hashCode() + java.util.Arrays.hashCode(receipt);
        }

        @Override
        public String toString() {
            return "Delivered[" + reference + ", receipt " + receipt.length + " bytes]";
        }
    }

    /** It may work later (platform unreachable, overloaded, timed out): back off and send again. */
    record RetryLater(String reason) implements Delivery {
        public RetryLater {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Sending it again cannot help (the platform refused it): move it to the dead letters. */
    record Rejected(String reason) implements Delivery {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
