package org.govkiosk.app.platform;

import java.time.Clock;
import java.util.Objects;
import org.govkiosk.api.CertificateIssuance;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.api.SupplementSubmission;
import org.govkiosk.app.cases.Case;
import org.govkiosk.app.outbox.Outbox;

/**
 * What the citizen flow calls when a citizen confirms: the case (or rating) is written to the outbox, durably,
 * and the worker is woken. When this returns the submission is safe, whatever the network does. Each kind is
 * stored as its {@link EntryConverter} encodes it: the bytes the platform will receive.
 */
public final class PlatformQueue {

    private final Outbox outbox;
    private final Runnable wakeWorker;
    private final String terminalId;
    private final Clock clock;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PlatformQueue.class);
    private volatile java.util.function.BooleanSupplier training = () -> false;

    public PlatformQueue(Outbox outbox, Runnable wakeWorker, String terminalId, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.wakeWorker = Objects.requireNonNull(wakeWorker, "wakeWorker");
        this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Queues a draft case and returns it as queued. Queuing the same case again does not queue it twice. */
    public Case submit(Case draft) {
        return submit(draft, null);
    }

    /**
     * Queues a draft case with the citizen's 容缺 commitment (null when nothing is deferred): it travels in the same
     * entry, so the platform never has the case without the commitment.
     */
    public Case submit(Case draft, org.govkiosk.api.DeferralCommitment commitment) {
        return submit(draft, commitment, false);
    }

    /**
     * As {@link #submit(Case, org.govkiosk.api.DeferralCommitment)}, with the citizen's choice about the platform's
     * SMS notices of the case ({@code smsOptOut}: none), which travels with the case.
     */
    public Case submit(Case draft, org.govkiosk.api.DeferralCommitment commitment, boolean smsOptOut) {
        return submit(draft, commitment, smsOptOut, null);
    }

    /**
     * As above, with the address the citizen wants the result mailed to (证照特快专递; null: collected or printed at a
     * terminal), which travels with the case in the outbox's encrypted entry like the rest of its personal data.
     */
    public Case submit(Case draft, org.govkiosk.api.DeferralCommitment commitment, boolean smsOptOut,
            org.govkiosk.api.MailingAddress mailTo) {
        Case queued = draft.queued();
        org.govkiosk.api.CaseSubmission s = queued.toSubmission(terminalId, clock.instant());
        add(EntryConverters.CASE, (commitment == null ? s : s.withCommitment(commitment)).withSmsOptOut(smsOptOut)
                .withMailTo(mailTo).withTraining(training.getAsBoolean()));
        return queued;
    }

    /**
     * Where the terminal's training switch is read: a case queued while it is on is filed as training (the mark
     * travels in the stored entry, so switching off later does not make it real).
     */
    public void trainingFrom(java.util.function.BooleanSupplier switchedOn) {
        this.training = java.util.Objects.requireNonNull(switchedOn);
    }

    /** Queues a rating; in training mode it is practice and not sent (the platform's statistics stay real). */
    public void submitRating(RatingSubmission rating) {
        if (training.getAsBoolean()) {
            LOG.info("Training mode: rating of {} not sent", rating.caseNumber());
            return;
        }
        add(EntryConverters.RATING, rating);
    }

    /**
     * Queues materials handed in for a case (补正), as durably as a case: once this returns they are never lost,
     * and their key makes a resend harmless.
     */
    public void submitSupplement(SupplementSubmission supplement) {
        add(EntryConverters.SUPPLEMENT, supplement);
    }

    /**
     * Queues the report of a certificate printed here (出证), as durably as a case: once this returns it is never
     * lost, and its key makes a resend harmless.
     */
    public void submitIssuance(CertificateIssuance issuance) {
        add(EntryConverters.ISSUANCE, issuance);
    }

    private <T> void add(EntryConverter<T, ?> converter, T value) {
        outbox.add(converter.kind(), converter.idempotencyKey(value), converter.priority(), converter.encode(value));
        wakeWorker.run();
    }
}
