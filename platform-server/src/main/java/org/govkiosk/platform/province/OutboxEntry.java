package org.govkiosk.platform.province;

import java.time.Instant;

/**
 * One entry of the upward outbox as staff and tests see it (no personal data: the rating is named by its id).
 *
 * @param state PENDING, SENDING, SENT or DEAD
 */
public record OutboxEntry(String entryId, String kind, String ratingId, String idempotencyKey, String state,
        int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError) {
}
