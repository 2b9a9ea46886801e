package org.govkiosk.app.journey;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.govkiosk.app.catalog.FormField;
import org.govkiosk.device.idcard.IdNumber;

/**
 * Checks a filled form against the item's field schema: required fields, each type's shape (a date that exists, a
 * GB 11643 ID number with its check character, a phone number, one of the choices) and the item's own pattern.
 * Values read off a card are not checked again: the card's security module vouched for them, and a foreigner's
 * card number is no GB 11643 number.
 */
public final class FormValidator {

    /** Longer than any real answer; a stuck key or a pasted text is refused rather than sent. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern NUMBER = Pattern.compile("\\d{1,12}(\\.\\d{1,4})?");
    /** A mobile number, or a landline with its area code (0571-87654321). */
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private FormValidator() {
    }

    /**
     * @param values     the form's values by field key (missing keys count as empty)
     * @param fromCard   keys of fields whose values came off the card
     * @return every problem, in the form's order; empty when the form may be submitted
     */
    public static List<FieldProblem> check(List<FormField> fields, Map<String, String> values, Set<String> fromCard) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FormField field : fields) {
            if (fromCard.contains(field.key())) {
                continue;
            }
            String value = values.getOrDefault(field.key(), "");
            value = value == null ? "" : value.strip();
            if (value.isEmpty()) {
                if (field.required()) {
                    problems.add(FieldProblem.of(field.key(), "apply.field.required"));
                }
                continue;
            }
            FieldProblem problem = shape(field, value);
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }

    private static FieldProblem shape(FormField field, String value) {
        String key = field.key();
        if (value.length() > MAX_LENGTH) {
            return FieldProblem.of(key, "apply.field.too-long", MAX_LENGTH);
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return FieldProblem.of(key, "apply.field.characters");
        }
        FieldProblem typed = switch (field.type()) {
            case TEXT -> null;
            case NUMBER -> NUMBER.matcher(value).matches() ? null : FieldProblem.of(key, "apply.field.number");
            case DATE -> isDate(value) ? null : FieldProblem.of(key, "apply.field.date");
            case PHONE -> PHONE.matcher(value).matches() ? null : FieldProblem.of(key, "apply.field.phone");
            case ID_NUMBER -> IdNumber.isValid(value) ? null : FieldProblem.of(key, "apply.field.id-number");
            case CHOICE -> field.choices().contains(value) ? null : FieldProblem.of(key, "apply.field.choice");
        };
        if (typed != null) {
            return typed;
        }
        if (field.pattern().isPresent() && !field.pattern().get().matcher(value).matches()) {
            return new FieldProblem(key, "apply.field.pattern", field.invalid());
        }
        return null;
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value, DATE);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
