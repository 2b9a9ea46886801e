package org.govkiosk.device.idcard;

import org.govkiosk.personal.Masking;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An 18-character citizen identification number of GB 11643: 6-digit region code, 8-digit birth date, 3-digit
 * sequence (odd for men, even for women), check character. Only valid numbers can be constructed;
 * {@link #toString()} is masked.
 */
public record IdNumber(String value) {

    /** Why a string is not a valid number. */
    public enum Problem {
        FORMAT("not 17 digits followed by a digit or X"),
        REGION("region code is not a province-level code"),
        BIRTH_DATE("birth date is not a real date"),
        CHECK_CHARACTER("check character does not match");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final Pattern FORMAT = Pattern.compile("\\d{17}[\\dX]");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    public IdNumber {
        Optional<Problem> problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("not a valid ID number: " + problem.get().description());
        }
    }

    /** The number, or empty when {@code value} is not a valid one. */
    public static Optional<IdNumber> parse(String value) {
        return problem(value).isEmpty() ? Optional.of(new IdNumber(value)) : Optional.empty();
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    /** The first thing wrong with {@code value}, or empty when it is a valid number. */
    public static Optional<Problem> problem(String value) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            return Optional.of(Problem.FORMAT);
        }
        // Province-level codes run from 11 upward; 0x is never assigned.
        if (value.charAt(0) == '0') {
            return Optional.of(Problem.REGION);
        }
        if (date(value.substring(6, 14)).isEmpty()) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        if (!hasValidCheckCharacter(value)) {
            return Optional.of(Problem.CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    /** Whether the format and the MOD 11-2 check character are right, whatever the other digits mean. */
    public static boolean hasValidCheckCharacter(String value) {
        return value != null && FORMAT.matcher(value).matches()
                && checkCharacter(value.substring(0, 17)) == value.charAt(17);
    }

    /** The GB 11643 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("need 17 digits");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public String region() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return date(value.substring(6, 14)).orElseThrow();
    }

    public int sequence() {
        return Integer.parseInt(value.substring(14, 17));
    }

    /** The sex the sequence code gives: odd for men, even for women. */
    public IdCardData.Sex sex() {
        return sequence() % 2 == 1 ? IdCardData.Sex.MALE : IdCardData.Sex.FEMALE;
    }

    public String masked() {
        return Masking.idNumber(value);
    }

    @Override
    public String toString() {
        return masked();
    }

    static Optional<LocalDate> date(String yyyymmdd) {
        try {
            return Optional.of(LocalDate.parse(yyyymmdd, DATE));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
