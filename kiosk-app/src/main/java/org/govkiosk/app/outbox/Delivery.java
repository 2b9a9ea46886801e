package org.govkiosk.app.outbox;

import java.util.Objects;

/** How one delivery attempt ended. */
public sealed interface Delivery {

    /** The platform has the entry; {@code reference} is what it answered (a case number for a case). */
    record Delivered(String reference) implements Delivery {
        public Delivered {
            Objects.requireNonNull(reference, "reference");
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
