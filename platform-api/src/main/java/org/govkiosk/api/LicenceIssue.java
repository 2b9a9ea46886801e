package org.govkiosk.api;

import org.govkiosk.personal.Masking;

import java.time.LocalDate;

/**
 * Clerk side, for the reference platform and the demo: make a scannable code for an e-licence, as the issuing
 * app on a citizen's phone would.
 *
 * @param validUntil      the licence's validity; {@code null} for no end
 * @param codeTtlSeconds  how long the code works (real codes refresh every minute or so); 1 to 86400
 */
public record LicenceIssue(String licenceType, String licenceNumber, String holderName, String holderIdNumber,
        String issuer, LocalDate validUntil, int codeTtlSeconds) {

    public LicenceIssue {
        Check.text(licenceType, "licenceType", 64);
        Check.text(licenceNumber, "licenceNumber", 64);
        Check.text(holderName, "holderName", 100);
        Check.text(holderIdNumber, "holderIdNumber", 64);
        Check.text(issuer, "issuer", 200);
        if (codeTtlSeconds < 1 || codeTtlSeconds > 86_400) {
            throw new IllegalArgumentException("codeTtlSeconds must be 1 to 86400, was " + codeTtlSeconds);
        }
    }

    @Override
    public String toString() {
        return "LicenceIssue[" + licenceType + " holder=" + Masking.idNumber(holderIdNumber) + "]";
    }
}
