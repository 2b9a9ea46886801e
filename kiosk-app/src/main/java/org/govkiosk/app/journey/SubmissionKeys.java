package org.govkiosk.app.journey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The idempotency key an application is filed under. Keyed by who applies, for which item, on which day: a citizen
 * whose session timed out while the platform was slow, and who begins again, files the same case, not a second
 * one. The key is an HMAC under a secret of the terminal's key store, so the ID number cannot be found from it.
 */
@FunctionalInterface
public interface SubmissionKeys {

    /** The key of {@code idNumber}'s application for {@code itemCode} begun now. */
    String forApplication(String idNumber, String itemCode);

    /** A new key for every journey (tests and tools that have no key store). */
    static SubmissionKeys perJourney() {
        return (idNumber, itemCode) -> UUID.randomUUID().toString();
    }

    /** Same person, item and day (in {@code zone}): same key. */
    static SubmissionKeys keyed(byte[] secret, Clock clock, ZoneId zone) {
        SecretKeySpec key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        return (idNumber, itemCode) -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                LocalDate day = LocalDate.now(clock.withZone(zone));
                byte[] tag = mac.doFinal(String.join("\n", "case", idNumber, itemCode, day.toString())
                        .getBytes(StandardCharsets.UTF_8));
                return "case-" + HexFormat.of().formatHex(tag, 0, 16);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is in every JDK", e);
            }
        };
    }
}
