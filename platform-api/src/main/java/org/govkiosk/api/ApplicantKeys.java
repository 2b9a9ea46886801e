package org.govkiosk.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The lookup key of an applicant: SHA-256 of the ID type and the ID number (trimmed, upper case), so an index holds
 * no ID numbers. The same person gives the same key whether the number came off an ID card, a social security card
 * or an e-licence. The platform compares keys; the key itself is never sent to a terminal (an ID number's space is
 * small enough to be searched from its digest).
 */
public final class ApplicantKeys {

    private ApplicantKeys() {
    }

    public static String of(IdType type, String idNumber) {
        if (type == null || idNumber == null || idNumber.isBlank()) {
            throw new IllegalArgumentException("an applicant key needs an ID type and an ID number");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (type.name() + ':' + idNumber.strip().toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether {@code type} and {@code idNumber} are the applicant of {@code applicantKey}; false for a missing key
     * or identity (a case filed without a key has no holder who could be matched). Compared in constant time.
     */
    public static boolean matches(String applicantKey, IdType type, String idNumber) {
        if (applicantKey == null || type == null || idNumber == null || idNumber.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(applicantKey.getBytes(StandardCharsets.US_ASCII),
                of(type, idNumber).getBytes(StandardCharsets.US_ASCII));
    }
}
