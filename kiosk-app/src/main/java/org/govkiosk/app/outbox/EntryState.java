package org.govkiosk.app.outbox;

/**
 * Where an entry is in its life: {@code PENDING → SENT → CONFIRMED}, or {@code DEAD} after a permanent error.
 * {@code SENT} means "sent at least once, not confirmed": the answer may have been lost, so it is sent again
 * (the idempotency key makes that safe).
 */
public enum EntryState {
    PENDING, SENT, CONFIRMED, DEAD;

    /** Still waiting for the platform's confirmation and due for (re)sending. */
    public boolean awaitsDelivery() {
        return this == PENDING || this == SENT;
    }
}
