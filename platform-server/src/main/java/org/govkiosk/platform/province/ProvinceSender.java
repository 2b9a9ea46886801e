package org.govkiosk.platform.province;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.govkiosk.shared.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the upward delivery: claims a batch of due entries, sends each with its idempotency key, and records
 * what came of it: SENT; pending again after the shared {@link Backoff}'s wait; or a dead letter after
 * {@link ProvinceSettings#maxAttempts()} attempts, or at once when the province refuses it for good or its rating
 * cannot be read. Logs name entries and ratings by id, never a person.
 */
public final class ProvinceSender {

    private static final Logger LOG = LoggerFactory.getLogger(ProvinceSender.class);

    /** What one run did. */
    public record Run(int delivered, int duplicates, int retrying, int dead) {
        public int claimed() {
            return delivered + duplicates + retrying + dead;
        }
    }

    private final String instance = "sender-" + UUID.randomUUID();
    private final ProvinceOutbox outbox;
    private final ProvinceClient client;
    private final UpwardPayload payload;
    private final Backoff backoff;
    private final int batchSize;
    private final int maxAttempts;
    private final Clock clock;

    ProvinceSender(ProvinceOutbox outbox, ProvinceClient client, UpwardPayload payload, Backoff backoff,
            int batchSize, int maxAttempts, Clock clock) {
        this.outbox = outbox;
        this.client = client;
        this.payload = payload;
        this.backoff = backoff;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    public Run runOnce() {
        List<OutboxEntry> claimed = outbox.claim(instance, batchSize);
        int delivered = 0;
        int duplicates = 0;
        int retrying = 0;
        int dead = 0;
        for (OutboxEntry e : claimed) {
            byte[] body;
            try {
                body = payload.body(e, outbox.stored(e));
            } catch (IllegalStateException ex) {
                outbox.failed(e, instance, ex.getMessage(), true, clock.instant());
                LOG.error("Upward entry {} ({}) is a dead letter: {}", e.entryId(), e.kind(), ex.getMessage());
                dead++;
                continue;
            }
            ProvinceClient.Outcome outcome = client.send(e.idempotencyKey(), body);
            int attempt = e.attempts() + 1;
            if (outcome instanceof ProvinceClient.Outcome.Delivered d) {
                outbox.sent(e, instance);
                if (d.duplicate()) {
                    duplicates++;
                } else {
                    delivered++;
                }
                LOG.info("Upward entry {} ({} of rating {}) delivered{} at attempt {}", e.entryId(), e.kind(),
                        e.ratingId(), d.duplicate() ? " (the province had it)" : "", attempt);
            } else if (outcome instanceof ProvinceClient.Outcome.Retry r) {
                boolean giveUp = attempt >= maxAttempts;
                Instant at = clock.instant().plus(backoff.delay(attempt));
                outbox.failed(e, instance, r.why(), giveUp, at);
                if (giveUp) {
                    dead++;
                    LOG.error("Upward entry {} ({} of rating {}) is a dead letter after {} attempts: {}",
                            e.entryId(), e.kind(), e.ratingId(), attempt, r.why());
                } else {
                    retrying++;
                    LOG.warn("Upward entry {} not delivered (attempt {} of {}), next at {}: {}", e.entryId(),
                            attempt, maxAttempts, at, r.why());
                }
            } else if (outcome instanceof ProvinceClient.Outcome.Refused r) {
                outbox.failed(e, instance, r.why(), true, clock.instant());
                dead++;
                LOG.error("Upward entry {} ({} of rating {}) refused by the province, a dead letter: {}",
                        e.entryId(), e.kind(), e.ratingId(), r.why());
            }
        }
        return new Run(delivered, duplicates, retrying, dead);
    }
}
