package org.govkiosk.app.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Objects;
import org.govkiosk.api.CertificateIssuance;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.api.SupplementSubmission;
import org.govkiosk.app.cases.Case;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.Outbox;

/**
 * What the citizen flow calls when a citizen confirms: the case (or rating) is written to the outbox, durably,
 * and the worker is woken. When this returns the submission is safe, whatever the network does.
 */
public final class PlatformQueue {

    private final Outbox outbox;
    private final Runnable wakeWorker;
    private final String terminalId;
    private final Clock clock;
    private final ObjectMapper json = PlatformJson.mapper();

    public PlatformQueue(Outbox outbox, Runnable wakeWorker, String terminalId, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.wakeWorker = Objects.requireNonNull(wakeWorker, "wakeWorker");
        this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Queues a draft case and returns it as queued. Queuing the same case again does not queue it twice. */
    public Case submit(Case draft) {
        Case queued = draft.queued();
        byte[] payload = toJson(queued.toSubmission(terminalId, clock.instant()));
        outbox.add(EntryKind.CASE, queued.idempotencyKey(), Outbox.PRIORITY_NORMAL, payload);
        wakeWorker.run();
        return queued;
    }

    public void submitRating(RatingSubmission rating) {
        outbox.add(EntryKind.RATING, rating.idempotencyKey(), Outbox.PRIORITY_LOW, toJson(rating));
        wakeWorker.run();
    }

    /**
     * Queues materials handed in for a case (补正), as durably as a case: once this returns they are never lost,
     * and their key makes a resend harmless.
     */
    public void submitSupplement(SupplementSubmission supplement) {
        outbox.add(EntryKind.SUPPLEMENT, supplement.idempotencyKey(), Outbox.PRIORITY_NORMAL, toJson(supplement));
        wakeWorker.run();
    }

    /**
     * Queues the report of a certificate printed here (出证), as durably as a case: once this returns it is never
     * lost, and its key makes a resend harmless.
     */
    public void submitIssuance(CertificateIssuance issuance) {
        outbox.add(EntryKind.ISSUANCE, issuance.idempotencyKey(), Outbox.PRIORITY_NORMAL, toJson(issuance));
        wakeWorker.run();
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
