package org.govkiosk.platform.sms;

import java.util.Objects;
import org.govkiosk.personal.Masking;

/**
 * One text message to a citizen's phone.
 *
 * @param dedupeKey the same key is one message, however often it is handed over (a job run twice, two instances)
 * @param purpose   what it is for, e.g. {@code rating-invitation}, {@code case-accepted}: for the logs and reports
 */
public record SmsMessage(String dedupeKey, String phone, String text, String purpose) {

    public static final int MAX_TEXT = 500;

    public SmsMessage {
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        Objects.requireNonNull(purpose, "purpose");
        if (phone == null || !phone.matches("\\+?[0-9][0-9 -]{4,30}")) {
            throw new IllegalArgumentException("not a phone number: " + Masking.phone(String.valueOf(phone)));
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("an SMS text must be 1 to " + MAX_TEXT + " characters");
        }
        if (dedupeKey.isBlank() || dedupeKey.length() > 120) {
            throw new IllegalArgumentException("dedupeKey must be 1 to 120 characters");
        }
    }

    /** Never the number in full: {@code 138****5678}. */
    @Override
    public String toString() {
        return "SmsMessage[" + purpose + " to " + Masking.phone(phone) + " key " + dedupeKey + "]";
    }
}
