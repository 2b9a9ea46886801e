package org.govkiosk.device.idcard;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What an ID card reader read from one identity document. Personal data: keep it only as long as the
 * case needs it; {@link #toString()} masks it so it can never reach a log whole.
 *
 * @param validUntil {@code null} means 长期 (no end)
 * @param nation     the nation name for a resident ID card; {@code null} for other documents
 * @param englishName only for foreigner permanent residence cards; otherwise {@code null}
 * @param nationality ISO 3166 alpha-3 code for foreigners; {@code null} otherwise
 * @param rawPhoto   the encoded (WLT) photo exactly as read, or an empty array
 */
public record IdCardData(
        DocumentType documentType,
        String name,
        Sex sex,
        String nation,
        LocalDate birthDate,
        String address,
        String idNumber,
        String issuingAuthority,
        LocalDate validFrom,
        LocalDate validUntil,
        String englishName,
        String nationality,
        byte[] rawPhoto) {

    public enum DocumentType { RESIDENT_ID, FOREIGN_PERMANENT_RESIDENT, HMT_RESIDENCE_PERMIT }

    /** GB/T 2261.1 sex codes. */
    public enum Sex { UNKNOWN, MALE, FEMALE, UNSPECIFIED }

    public IdCardData {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idNumber, "idNumber");
        rawPhoto = rawPhoto == null ? new byte[0] : rawPhoto.clone();
    }

    @Override
    public byte[] rawPhoto() {
        return rawPhoto.clone();
    }

    /** Whether the document is valid on the given day (长期 documents never expire). */
    public boolean isValidOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validUntil == null || !day.isAfter(validUntil));
    }

    /** The ID number as logs may show it: first 3 and last 4 characters, e.g. {@code 110***********123X}. */
    public String maskedIdNumber() {
        return Masking.maskIdNumber(idNumber);
    }

    @Override
    public String toString() {
        return "IdCardData[" + documentType + ", name=" + Masking.maskName(name) + ", id=" + maskedIdNumber() + "]";
    }
}
