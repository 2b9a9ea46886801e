package org.govkiosk.api;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate (or result) of a finished case was handed out (出证), as the terminal reports it after it printed
 * one. The first issuance of a case moves it COMPLETED → CERTIFICATE_ISSUED; a later one (补打, a reprint) is
 * recorded but moves nothing. Carries no personal data beyond the case number.
 *
 * @param idempotencyKey    made once per print; a resend with the same key returns the first receipt, the same key
 *                          with a different body is refused (409)
 * @param caseNumber        the finished case; must be the case of the path
 * @param terminalId        must be the signing terminal
 * @param hallCode          the hall the terminal is registered in; the case must be that hall's
 * @param channel           where it was handed out; a terminal reports {@link IssuanceChannel#SELF_SERVICE_TERMINAL}
 * @param certificateSha256 SHA-256 (64 hex digits) of the certificate PDF as fetched and printed, so the platform
 *                          knows which version of it the citizen holds
 * @param issuedAt          when the printer finished, by the terminal's clock
 * @param recipient         to whom it was handed out: {@link IssuanceRecipient#HOLDER} when the terminal
 *                          identified the case's applicant before printing; null from a terminal that does not say
 */
public record CertificateIssuance(
        String idempotencyKey,
        String caseNumber,
        String terminalId,
        String hallCode,
        IssuanceChannel channel,
        String certificateSha256,
        Instant issuedAt,
        IssuanceRecipient recipient) {

    public CertificateIssuance {
        Check.text(idempotencyKey, "idempotencyKey", 100);
        Check.text(caseNumber, "caseNumber", 64);
        Check.text(terminalId, "terminalId", 64);
        Check.text(hallCode, "hallCode", 64);
        Check.present(channel, "channel");
        Check.text(certificateSha256, "certificateSha256", 64);
        if (certificateSha256.length() != 64 || !certificateSha256.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("certificateSha256 must be 64 hexadecimal digits (a SHA-256)");
        }
        // One spelling, so a resend in other letter case is the same body for the idempotency check.
        certificateSha256 = certificateSha256.toLowerCase(Locale.ROOT);
        Check.present(issuedAt, "issuedAt");
    }

    /** An issuance that does not say to whom it was handed out (a window, the post, an older terminal). */
    public CertificateIssuance(String idempotencyKey, String caseNumber, String terminalId, String hallCode,
            IssuanceChannel channel, String certificateSha256, Instant issuedAt) {
        this(idempotencyKey, caseNumber, terminalId, hallCode, channel, certificateSha256, issuedAt, null);
    }
}
