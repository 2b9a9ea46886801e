package org.govkiosk.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The platform's answer to a submitted case.
 *
 * @param caseNumber   the 办件编号, opaque; it follows the case to the end
 * @param acceptedAt   when the platform took the case in (not 受理, which a clerk decides)
 * @param promisedDate the promised completion date (承诺时限) to print on the receipt; {@code null} if none
 * @param duplicate    {@code true} when this answers a resend of an earlier submission with the same key
 */
public record CaseReceipt(
        String caseNumber,
        String localCaseId,
        CaseState state,
        Instant acceptedAt,
        LocalDate promisedDate,
        boolean duplicate) {

    public CaseReceipt {
        Check.text(caseNumber, "caseNumber", 64);
        Check.present(state, "state");
        Check.present(acceptedAt, "acceptedAt");
    }
}
