package org.govkiosk.app.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbox entry's metadata: nothing personal, so it may be shown to a technician and kept after confirmation.
 *
 * @param reference  what the platform answered on confirmation (the case number for a CASE)
 * @param lastError  the last delivery error, or for a DEAD entry the reason it was dropped
 */
public record OutboxEntry(long id, EntryKind kind, String idempotencyKey, int priority, EntryState state,
        int attempts, Instant createdAt, Instant nextAttemptAt, Optional<Instant> lastAttemptAt,
        Optional<Instant> confirmedAt, Optional<String> reference, Optional<String> lastError) {

    public OutboxEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(lastError, "lastError");
    }
}
