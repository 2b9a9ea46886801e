package org.govkiosk.api;

import java.util.Objects;

/** A 2xx answer whose receipt does not prove that the platform holding the pinned key took the request in. */
public final class ReceiptRejectedException extends Exception {

    /** Why the receipt was not accepted. */
    public enum Reason {
        /** The terminal has no platform key pinned yet: no receipt can be checked. */
        NO_PINNED_KEY,
        /** The answer carries no receipt signature. */
        UNSIGNED,
        /** The receipt headers are there but not well-formed. */
        MALFORMED,
        /** Signed, but by another key than the pinned one. */
        OTHER_KEY,
        /** Signed with another algorithm than the pinned key's (SM2 against Ed25519, or the reverse). */
        WRONG_ALGORITHM,
        /** The signature does not hold for this request and this answer. */
        BAD_SIGNATURE
    }

    private final Reason reason;

    public ReceiptRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
