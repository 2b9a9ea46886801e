package org.govkiosk.app.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.EntryState;

/**
 * The outbox as a technician sees it: nothing personal, only kinds, states, keys and case numbers.
 *
 * @param waiting    entries not yet confirmed by the platform (the depth)
 * @param oldestAge  how long the oldest of them has waited
 * @param recovered  present when the outbox file was found damaged at start and salvaged
 */
public record OutboxOverview(int waiting, Optional<Duration> oldestAge, Map<EntryKind, Map<EntryState, Integer>> counts,
        List<DeadLetter> deadLetters, Optional<String> recovered) {

    public OutboxOverview {
        counts = Map.copyOf(counts);
        deadLetters = List.copyOf(deadLetters);
    }

    /**
     * @param reference the case number when the platform gave one, else the entry's idempotency key
     * @param lastError why the platform refused it, personal data masked
     */
    public record DeadLetter(long id, EntryKind kind, String reference, int attempts, Instant createdAt,
            String lastError) {
    }
}
