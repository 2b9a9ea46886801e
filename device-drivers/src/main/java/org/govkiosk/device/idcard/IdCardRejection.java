package org.govkiosk.device.idcard;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a card that was on the reader was not accepted. Safe to log and to show technicians: {@code detail} names
 * fields and rules, never their values, and the ID number appears masked only.
 *
 * @param maskedIdNumber the document number as {@link Masking} shows it, or empty when it could not be read
 */
public record IdCardRejection(Reason reason, String detail, String maskedIdNumber) {

    public enum Reason {
        /** The reader's answer did not have the parts its length fields announce. */
        MALFORMED_ANSWER,
        /** The text block has the wrong size or could not be decoded. */
        MALFORMED_TEXT,
        /** The card-type marker is not one of a known document. */
        UNKNOWN_CARD_TYPE,
        MISSING_FIELD,
        INVALID_FIELD,
        INVALID_SEX,
        INVALID_NATION,
        INVALID_NATIONALITY,
        INVALID_ID_NUMBER,
        /** The ID number contradicts another field (birth date, sex, document type). */
        ID_NUMBER_MISMATCH,
        INVALID_DATE,
        INVALID_VALIDITY,
        /** The reader could not select or read the card, repeatedly. */
        CARD_UNREADABLE,
        /** The SAM and the card did not authenticate each other, or the data failed verification. */
        CARD_AUTHENTICATION_FAILED
    }

    public IdCardRejection {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
        maskedIdNumber = maskedIdNumber == null ? "" : maskedIdNumber;
    }

    public static IdCardRejection of(Reason reason, String detail) {
        return new IdCardRejection(reason, detail, "");
    }

    /** The i18n key for the reason, e.g. {@code idcard.rejection.invalid-id-number}. */
    public String messageKey() {
        return "idcard.rejection." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return reason + (detail.isEmpty() ? "" : ": " + detail) + (maskedIdNumber.isEmpty() ? ""
                : " (" + maskedIdNumber + ")");
    }
}
