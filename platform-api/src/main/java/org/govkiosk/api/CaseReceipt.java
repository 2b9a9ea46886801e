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
 * @param ratingUrl    the phone rating page of this case (评价二维码 on the receipt), a link carrying a token the
 *                     platform signed, so a terminal cannot make one up; {@code null} when the platform gives none
 */
public record CaseReceipt(
        String caseNumber,
        String localCaseId,
        CaseState state,
        Instant acceptedAt,
        LocalDate promisedDate,
        boolean duplicate,
        String ratingUrl) {

    public CaseReceipt {
        Check.text(caseNumber, "caseNumber", 64);
        Check.present(state, "state");
        Check.present(acceptedAt, "acceptedAt");
        Check.optionalText(ratingUrl, "ratingUrl", 600);
    }

    /** Without a rating link (a platform that gives none, or before it is added). */
    public CaseReceipt(String caseNumber, String localCaseId, CaseState state, Instant acceptedAt,
            LocalDate promisedDate, boolean duplicate) {
        this(caseNumber, localCaseId, state, acceptedAt, promisedDate, duplicate, null);
    }

    /** The same receipt carrying the case's phone rating link. */
    public CaseReceipt withRatingUrl(String url) {
        return new CaseReceipt(caseNumber, localCaseId, state, acceptedAt, promisedDate, duplicate, url);
    }
}
