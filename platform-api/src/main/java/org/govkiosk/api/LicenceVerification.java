package org.govkiosk.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The answer to a scanned e-licence code. An unknown or expired code is an answer ({@code valid == false} with a
 * reason), not an error.
 *
 * @param reason              when not valid: {@link #UNKNOWN_CODE}, {@link #CODE_EXPIRED}, {@link #LICENCE_EXPIRED}
 * @param licenceType         e.g. E_SOCIAL_SECURITY_CARD, MEDICAL_INSURANCE_CODE, BUSINESS_LICENCE
 * @param licenceNumberMasked the licence number, masked
 * @param holderNameMasked    the holder's name, masked
 * @param holderMatches       whether the holder is the person asked about; {@code null} if none was asked about
 * @param validUntil          the licence's own validity; {@code null} for no end (长期)
 * @param codeExpiresAt       when the scanned (short-lived) code stops working
 * @param holder              the holder in full, only when the request asked to identify them
 *                            ({@link LicenceVerificationRequest#identifyHolder()}) and the code is valid
 */
public record LicenceVerification(
        boolean valid,
        String reason,
        String licenceType,
        String licenceNumberMasked,
        String holderNameMasked,
        Boolean holderMatches,
        String issuer,
        LocalDate validUntil,
        Instant codeExpiresAt,
        LicenceHolder holder) {

    public static final String UNKNOWN_CODE = "unknown-code";
    public static final String CODE_EXPIRED = "code-expired";
    public static final String LICENCE_EXPIRED = "licence-expired";

    /** An answer without the holder in full (a licence used as a material). */
    public LicenceVerification(boolean valid, String reason, String licenceType, String licenceNumberMasked,
            String holderNameMasked, Boolean holderMatches, String issuer, LocalDate validUntil,
            Instant codeExpiresAt) {
        this(valid, reason, licenceType, licenceNumberMasked, holderNameMasked, holderMatches, issuer, validUntil,
                codeExpiresAt, null);
    }

    public static LicenceVerification invalid(String reason) {
        return new LicenceVerification(false, reason, null, null, null, null, null, null, null, null);
    }
}
