package org.govkiosk.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.govkiosk.app.catalog.FieldType;
import org.govkiosk.app.catalog.FormField;
import org.govkiosk.app.catalog.LocalizedText;
import org.govkiosk.app.catalog.Prefill;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

    private static final LocalizedText MONTH = new LocalizedText("请按“2024-12”的格式填写年月", "Write the month as 2024-12");

    private static FormField field(String key, FieldType type, boolean required) {
        return new FormField(key, new LocalizedText(key, key), type, required, Optional.empty(), Optional.empty(),
                type == FieldType.CHOICE ? List.of("200", "300") : List.of(), Optional.empty());
    }

    private static final List<FormField> FORM = List.of(
            new FormField("name", new LocalizedText("姓名", "Name"), FieldType.TEXT, true, Optional.empty(),
                    Optional.empty(), List.of(), Optional.of(Prefill.NAME)),
            field("id", FieldType.ID_NUMBER, true),
            field("phone", FieldType.PHONE, true),
            field("date", FieldType.DATE, false),
            field("grade", FieldType.CHOICE, true),
            field("amount", FieldType.NUMBER, false),
            new FormField("month", new LocalizedText("月份", "Month"), FieldType.TEXT, true,
                    Optional.of(Pattern.compile("(19|20)[0-9]{2}-(0[1-9]|1[0-2])")), Optional.of(MONTH), List.of(),
                    Optional.empty()));

    private static List<FieldProblem> check(Map<String, String> values, Set<String> fromCard) {
        return FormValidator.check(FORM, values, fromCard);
    }

    @Test
    void aValidFormHasNoProblems() {
        assertThat(check(Map.of("name", "张三丰", "id", "11010519491231002X", "phone", "0571-87654321",
                "date", "2024-02-29", "grade", "300", "amount", "12.5", "month", "2024-12"), Set.of())).isEmpty();
    }

    @Test
    void everyProblemIsFoundAtOnceWithItsMessage() {
        List<FieldProblem> problems = check(Map.of("name", " ", "id", "110105194912310021", "phone", "1380013800",
                "date", "2023-02-29", "grade", "250", "amount", "12,5", "month", "2024-13"), Set.of());
        assertThat(problems).extracting(FieldProblem::target, FieldProblem::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple("name", "apply.field.required"),
                org.assertj.core.groups.Tuple.tuple("id", "apply.field.id-number"),
                org.assertj.core.groups.Tuple.tuple("phone", "apply.field.phone"),
                org.assertj.core.groups.Tuple.tuple("date", "apply.field.date"),
                org.assertj.core.groups.Tuple.tuple("grade", "apply.field.choice"),
                org.assertj.core.groups.Tuple.tuple("amount", "apply.field.number"),
                org.assertj.core.groups.Tuple.tuple("month", "apply.field.pattern"));
        assertThat(problems.get(6).catalogText()).contains(MONTH);
        assertThat(problems.toString()).as("values never in the problem text").doesNotContain("110105");
    }

    @Test
    void cardValuesAreNotCheckedAgainAndOverlongOrControlInputIsRefused() {
        List<FieldProblem> problems = check(Map.of("name", "", "id", "H1234567(8)", "phone", "1".repeat(300),
                "grade", "200", "month", "2024-01\u0007"), Set.of("name", "id"));
        assertThat(problems).extracting(FieldProblem::target, FieldProblem::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple("phone", "apply.field.too-long"),
                org.assertj.core.groups.Tuple.tuple("month", "apply.field.characters"));
    }
}
