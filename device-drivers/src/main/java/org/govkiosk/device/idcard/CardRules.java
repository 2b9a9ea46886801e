package org.govkiosk.device.idcard;

import org.govkiosk.personal.Masking;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.govkiosk.device.idcard.IdCardData.DocumentType;
import org.govkiosk.device.idcard.IdCardData.ForeignResidentDetails;
import org.govkiosk.device.idcard.IdCardData.HmtPermitDetails;
import org.govkiosk.device.idcard.IdCardData.Sex;
import org.govkiosk.device.idcard.IdCardRejection.Reason;

/**
 * The checks each document's fields must pass before they count as a card. The first failed check rejects the
 * block via {@link Reject}, which {@link IdCardTextParser} turns into a value; it never leaves this package.
 * Messages name fields and rules, never values.
 */
final class CardRules {

    /** The first failed check; caught by the parser. */
    static final class Reject extends RuntimeException {
        private final transient IdCardRejection rejection;

        Reject(IdCardRejection rejection) {
            super(rejection.toString(), null, false, false);
            this.rejection = rejection;
        }

        IdCardRejection rejection() {
            return rejection;
        }
    }

    private static final String LONG_TERM = "长期";
    private static final Pattern PASS_NUMBER = Pattern.compile("[A-Z0-9]{8,9}");
    private static final Pattern SMALL_COUNT = Pattern.compile("\\d{1,2}");
    private static final Pattern FOREIGN_2017_NUMBER = Pattern.compile("[A-Z]{3}\\d{12}");
    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");

    private final TextLayout layout;
    private final byte[] block;
    private final Map<String, String> fields;
    private final byte[] photo;
    private String maskedId = "";

    CardRules(TextLayout layout, byte[] block, byte[] photo) {
        this.layout = layout;
        this.block = block;
        this.fields = layout.read(block);
        this.photo = photo;
    }

    IdCardData resident() {
        String id = idField();
        String name = required("name");
        Sex sex = sex();
        String nation = nation();
        LocalDate birth = date("birth");
        String address = required("address");
        citizenNumber(id, birth, sex);
        // Mainland province codes start with 1..6; 71/81/82/83 and 9x numbers belong to other documents.
        if (id.charAt(0) > '6') {
            throw reject(Reason.ID_NUMBER_MISMATCH, "region code is not a mainland province code");
        }
        String authority = required("authority");
        LocalDate[] validity = validity(birth);
        return new IdCardData(DocumentType.RESIDENT_ID, name, sex, nation, birth, address, id, authority,
                validity[0], validity[1], null, null, photo, new IdCardData.NoDetails());
    }

    IdCardData hmtPermit() {
        String id = idField();
        String name = required("name");
        Sex sex = sex();
        LocalDate birth = date("birth");
        String address = required("address");
        citizenNumber(id, birth, sex);
        // GB 11643 region codes of the permits: 810000 Hong Kong, 820000 Macau, 830000 Taiwan.
        if (!id.startsWith("81") && !id.startsWith("82") && !id.startsWith("83")) {
            throw reject(Reason.ID_NUMBER_MISMATCH, "residence permit numbers start with 81, 82 or 83");
        }
        String authority = required("authority");
        LocalDate[] validity = validity(birth);
        String pass = required("pass-number");
        if (!PASS_NUMBER.matcher(pass).matches()) {
            throw reject(Reason.INVALID_FIELD, "pass-number is not 8 or 9 letters and digits");
        }
        String issues = optionalCount("issue-count");
        return new IdCardData(DocumentType.HMT_RESIDENCE_PERMIT, name, sex, null, birth, address, id, authority,
                validity[0], validity[1], null, null, photo, new HmtPermitDetails(pass, issues));
    }

    /**
     * The nation of a resident card: its name from the GB 3304 table, or for a two-digit code outside it
     * {@code 未知民族（代码 NN）} (a lawful card is not refused for a code newer than the table); anything but two
     * digits is no nation code.
     */
    private String nation() {
        String code = field("nation");
        if (!Nations.isWellFormed(code)) {
            throw reject(Reason.INVALID_NATION, "nation code is not two digits");
        }
        return Nations.name(code).orElseGet(() -> Nations.unknown(code));
    }

    /** The 2017 edition: 15-character number of 3 letters (nationality) and 12 digits, no check character. */
    IdCardData foreign2017() {
        String id = idField();
        String english = required("english-name");
        String chinese = field("chinese-name");
        Sex sex = sex();
        if (!FOREIGN_2017_NUMBER.matcher(id).matches()) {
            throw reject(Reason.INVALID_ID_NUMBER, "2017 permanent residence numbers are 3 letters and 12 digits");
        }
        String nationality = nationality();
        LocalDate birth = date("birth");
        LocalDate[] validity = validity(birth);
        var details = new ForeignResidentDetails(ForeignResidentDetails.Edition.E2017, blankToNull("card-version"),
                blankToNull("authority-code"), null, null);
        return new IdCardData(DocumentType.FOREIGN_PERMANENT_RESIDENT, chinese.isEmpty() ? english : chinese, sex,
                null, birth, null, id, null, validity[0], validity[1], english, nationality, photo, details);
    }

    /**
     * The 2023 edition: an 18-digit number starting with 9 with the GB 11643 MOD 11-2 check character. Only the
     * first digit and the check character are checked: the published rule does not say where the other digits
     * put the birth date, and a false rejection would turn a lawful resident away.
     */
    IdCardData foreign2023() {
        String id = idField();
        String chinese = field("chinese-name");
        // The name runs on from one field into the other: join them as stored, so a space at the seam survives,
        // then drop the padding.
        String english = (rawField("english-name") + rawField("english-name-more")).replace('\u0000', ' ').strip()
                .replaceAll(" {2,}", " ");
        if (english.isEmpty() && chinese.isEmpty()) {
            throw reject(Reason.MISSING_FIELD, "field 'english-name' is empty");
        }
        Sex sex = sex();
        LocalDate birth = date("birth");
        if (!IdNumber.hasValidCheckCharacter(id)) {
            throw reject(Reason.INVALID_ID_NUMBER, "not 17 digits and a matching check character");
        }
        if (id.charAt(0) != '9') {
            throw reject(Reason.ID_NUMBER_MISMATCH, "2023 permanent residence numbers start with 9");
        }
        String nationality = nationality();
        LocalDate[] validity = validity(birth);
        var details = new ForeignResidentDetails(ForeignResidentDetails.Edition.E2023, null, null,
                optionalCount("renewal-count"), blankToNull("previous-number-link"));
        return new IdCardData(DocumentType.FOREIGN_PERMANENT_RESIDENT, chinese.isEmpty() ? english : chinese, sex,
                null, birth, null, id, null, validity[0], validity[1], english.isEmpty() ? null : english,
                nationality, photo, details);
    }

    private String idField() {
        String id = required("id");
        maskedId = Masking.idNumber(id);
        return id;
    }

    private void citizenNumber(String id, LocalDate birth, Sex sex) {
        Optional<IdNumber.Problem> problem = IdNumber.problem(id);
        if (problem.isPresent()) {
            throw reject(Reason.INVALID_ID_NUMBER, problem.get().description());
        }
        IdNumber number = new IdNumber(id);
        if (!number.birthDate().equals(birth)) {
            throw reject(Reason.ID_NUMBER_MISMATCH, "birth date differs from the one in the ID number");
        }
        if ((sex == Sex.MALE || sex == Sex.FEMALE) && number.sex() != sex) {
            throw reject(Reason.ID_NUMBER_MISMATCH, "sex differs from the ID number's sequence code");
        }
    }

    private Sex sex() {
        return switch (field("sex")) {
            case "0" -> Sex.UNKNOWN;
            case "1" -> Sex.MALE;
            case "2" -> Sex.FEMALE;
            case "9" -> Sex.UNSPECIFIED;
            default -> throw reject(Reason.INVALID_SEX, "sex code is not a GB/T 2261.1 code");
        };
    }

    private String nationality() {
        String n = field("nationality");
        if (!ALPHA3.matcher(n).matches()) {
            throw reject(Reason.INVALID_NATIONALITY, "nationality is not an ISO 3166 alpha-3 code");
        }
        return n;
    }

    /** {validFrom, validUntil}; validUntil is null for 长期. */
    private LocalDate[] validity(LocalDate birth) {
        LocalDate from = date("from");
        String untilText = field("until");
        LocalDate until = LONG_TERM.equals(untilText) ? null : date("until");
        if (until != null && until.isBefore(from)) {
            throw reject(Reason.INVALID_VALIDITY, "validity ends before it starts");
        }
        if (from.isBefore(birth)) {
            throw reject(Reason.INVALID_VALIDITY, "validity starts before the birth date");
        }
        return new LocalDate[] {from, until};
    }

    private LocalDate date(String name) {
        String value = required(name);
        return IdNumber.date(value).orElseThrow(
                () -> reject(Reason.INVALID_DATE, "field '" + name + "' is not a real date (YYYYMMDD)"));
    }

    private String optionalCount(String name) {
        String value = field(name);
        if (!value.isEmpty() && !SMALL_COUNT.matcher(value).matches()) {
            throw reject(Reason.INVALID_FIELD, "field '" + name + "' is not a count");
        }
        return value.isEmpty() ? null : value;
    }

    private String required(String name) {
        String value = field(name);
        if (value.isEmpty()) {
            throw reject(Reason.MISSING_FIELD, "field '" + name + "' is empty");
        }
        return value;
    }

    private String blankToNull(String name) {
        String value = field(name);
        return value.isEmpty() ? null : value;
    }

    private String rawField(String name) {
        return layout.rawField(block, name);
    }

    private String field(String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalStateException("layout has no field " + name);
        }
        return value;
    }

    private Reject reject(Reason reason, String detail) {
        return new Reject(new IdCardRejection(reason, detail, maskedId));
    }
}
