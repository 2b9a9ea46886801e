package org.govkiosk.app.journey;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import org.govkiosk.api.CertificateIssuance;
import org.govkiosk.api.IssuanceChannel;
import org.govkiosk.api.IssuanceRecipient;
import org.govkiosk.app.platform.PlatformQueue;

/**
 * Tells the platform that a certificate was handed out here (出证), through the outbox: a terminal may print while
 * the platform is unreachable, and the case must still become 已出证 later. Only the case number, the printed
 * PDF's digest and to whom it went (the holder, whom the platform confirmed when it gave out the PDF) travel;
 * nothing of the citizen.
 */
public final class CertificateIssuances {

    private final PlatformQueue queue;
    private final String terminalId;
    private final String hallCode;
    private final Clock clock;

    public CertificateIssuances(PlatformQueue queue, String terminalId, String hallCode, Clock clock) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
        this.hallCode = Objects.requireNonNull(hallCode, "hallCode");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Queues the report of one print of {@code pdf}, durably. Each print is its own issuance (a reprint, 补打, is
     * recorded as such), so each call makes a fresh key; the outbox resends under that key until confirmed.
     *
     * @param recipient to whom it was handed out ({@link IssuanceRecipient#HOLDER}: the identified applicant)
     * @return the issuance as queued
     */
    public CertificateIssuance printed(String caseNumber, byte[] pdf, IssuanceRecipient recipient) {
        CertificateIssuance issuance = new CertificateIssuance("issuance-" + UUID.randomUUID(), caseNumber,
                terminalId, hallCode, IssuanceChannel.SELF_SERVICE_TERMINAL, sha256Hex(pdf), clock.instant(),
                Objects.requireNonNull(recipient, "recipient"));
        queue.submitIssuance(issuance);
        return issuance;
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
