package org.govkiosk.api;

import java.time.Instant;

/**
 * The platform's answer to a {@link CertificateIssuance}.
 *
 * @param issuanceId the platform's id of this hand-out
 * @param state      the case's state after it: CERTIFICATE_ISSUED
 * @param reprint    {@code true} when the case had been issued before (补打): recorded, the state did not move
 * @param duplicate  {@code true} when this answers a resend with the same key
 */
public record IssuanceReceipt(
        String issuanceId,
        String caseNumber,
        CaseState state,
        boolean reprint,
        Instant receivedAt,
        boolean duplicate) {

    public IssuanceReceipt {
        Check.text(issuanceId, "issuanceId", 64);
        Check.text(caseNumber, "caseNumber", 64);
        Check.present(state, "state");
        Check.present(receivedAt, "receivedAt");
    }
}
