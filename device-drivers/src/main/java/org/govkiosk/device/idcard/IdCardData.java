package org.govkiosk.device.idcard;

import org.govkiosk.personal.Masking;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What an ID card reader read from one identity document. Personal data: keep it only as long as the
 * case needs it; {@link #toString()} masks it so it can never reach a log whole.
 *
 * @param name        the Chinese name; for a foreigner without one, the English name
 * @param validUntil  {@code null} means 长期 (no end)
 * @param nation      the nation name for a resident ID card; {@code null} for other documents
 * @param address     {@code null} for foreigner permanent residence cards, which hold none
 * @param issuingAuthority {@code null} for foreigner permanent residence cards (see {@link ForeignResidentDetails})
 * @param englishName only for foreigner permanent residence cards; otherwise {@code null}
 * @param nationality ISO 3166 alpha-3 code for foreigners; {@code null} otherwise
 * @param rawPhoto    the encoded (WLT) photo exactly as read, or an empty array
 * @param details     what only one kind of document has
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
        byte[] rawPhoto,
        DocumentDetails details) {

    public enum DocumentType { RESIDENT_ID, FOREIGN_PERMANENT_RESIDENT, HMT_RESIDENCE_PERMIT }

    /** GB/T 2261.1 sex codes. */
    public enum Sex { UNKNOWN, MALE, FEMALE, UNSPECIFIED }

    /** The fields only one kind of document has. */
    public sealed interface DocumentDetails permits NoDetails, ForeignResidentDetails, HmtPermitDetails {
    }

    /** A resident ID card: everything is in the common fields. */
    public record NoDetails() implements DocumentDetails {
    }

    /**
     * A foreigner permanent residence card (外国人永久居留身份证).
     *
     * @param cardVersion        2017 edition: the card version field; {@code null} on the 2023 edition
     * @param authorityCode      2017 edition: code of the accepting authority; {@code null} on the 2023 edition
     * @param renewalCount       2023 edition: times the card was renewed (换证次数); {@code null} on the 2017 edition
     * @param previousNumberLink 2023 edition: the field that links to the holder's 15-character number of the
     *                           2017 edition; {@code null} on the 2017 edition
     */
    public record ForeignResidentDetails(Edition edition, String cardVersion, String authorityCode,
            String renewalCount, String previousNumberLink) implements DocumentDetails {

        /** The card's design: 2017 (type "I", 15-character number) or 2023 (type "Y", 18-digit number). */
        public enum Edition { E2017, E2023 }

        public ForeignResidentDetails {
            Objects.requireNonNull(edition, "edition");
        }

        @Override
        public String toString() {
            return "ForeignResidentDetails[" + edition + "]";
        }
    }

    /**
     * A residence permit for residents of Hong Kong, Macau or Taiwan (港澳台居民居住证).
     *
     * @param passNumber the holder's travel permit number (通行证号码)
     * @param issueCount how many times the permit was issued (签发次数)
     */
    public record HmtPermitDetails(String passNumber, String issueCount) implements DocumentDetails {

        public HmtPermitDetails {
            Objects.requireNonNull(passNumber, "passNumber");
        }

        @Override
        public String toString() {
            return "HmtPermitDetails[pass=" + Masking.idNumber(passNumber) + "]";
        }
    }

    public IdCardData {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idNumber, "idNumber");
        rawPhoto = rawPhoto == null ? new byte[0] : rawPhoto.clone();
        details = details == null ? new NoDetails() : details;
    }

    /** The fields every document has; no document-specific details. */
    public IdCardData(DocumentType documentType, String name, Sex sex, String nation, LocalDate birthDate,
            String address, String idNumber, String issuingAuthority, LocalDate validFrom, LocalDate validUntil,
            String englishName, String nationality, byte[] rawPhoto) {
        this(documentType, name, sex, nation, birthDate, address, idNumber, issuingAuthority, validFrom, validUntil,
                englishName, nationality, rawPhoto, new NoDetails());
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
        return Masking.idNumber(idNumber);
    }

    @Override
    public String toString() {
        return "IdCardData[" + documentType + ", name=" + Masking.name(name) + ", id=" + maskedIdNumber() + "]";
    }
}
