package org.govkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "11010519491231002X", // the example of GB 11643-1999 itself
            "440524188001010014", // another example of the standard
            "110101198001011232",
            "11010520000229003X", // 2000 was a leap year
            "810000199505120027"})
    void acceptsValidNumbers(String value) {
        assertThat(IdNumber.problem(value)).isEmpty();
        assertThat(IdNumber.isValid(value)).isTrue();
        assertThat(IdNumber.parse(value)).map(IdNumber::value).contains(value);
    }

    @ParameterizedTest
    @CsvSource({
            "110101198001011233, CHECK_CHARACTER",
            "110101198001011230, CHECK_CHARACTER",
            "11010519491231002Y, FORMAT",
            "11010519491231002x, FORMAT", // card data carries a capital X
            "11010519491231002, FORMAT",
            "11010519491231002XX, FORMAT",
            "1101051949123100AX, FORMAT",
            "'', FORMAT",
            "010101198001011239, REGION",
            "110105199902290013, BIRTH_DATE", // 1999 was not a leap year
            "110105199913010013, BIRTH_DATE"})
    void namesTheProblem(String value, IdNumber.Problem problem) {
        assertThat(IdNumber.problem(value)).contains(problem);
        assertThat(IdNumber.parse(value)).isEmpty();
        assertThatThrownBy(() -> new IdNumber(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(value.isEmpty() ? "\u0000" : value);
    }

    @Test
    void nullIsAFormatProblem() {
        assertThat(IdNumber.problem(null)).contains(IdNumber.Problem.FORMAT);
    }

    @Test
    void computesCheckCharacters() {
        assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
        assertThat(IdNumber.checkCharacter("11010119800101123")).isEqualTo('2');
        assertThatThrownBy(() -> IdNumber.checkCharacter("1101011980010112")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdNumber.checkCharacter("1101011980010112A")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkCharacterAloneForNumbersWithoutABirthDate() {
        assertThat(IdNumber.hasValidCheckCharacter("911560198809090027")).isTrue();
        assertThat(IdNumber.hasValidCheckCharacter("911560198809090028")).isFalse();
        assertThat(IdNumber.hasValidCheckCharacter("110105199902290013")).isTrue(); // valid check, invalid date
        assertThat(IdNumber.hasValidCheckCharacter(null)).isFalse();
    }

    @Test
    void exposesItsParts() {
        IdNumber male = new IdNumber("110101198001011232");
        assertThat(male.region()).isEqualTo("110101");
        assertThat(male.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(male.sequence()).isEqualTo(123);
        assertThat(male.sex()).isEqualTo(IdCardData.Sex.MALE);
        assertThat(new IdNumber("330102199001010020").sex()).isEqualTo(IdCardData.Sex.FEMALE);
    }

    @Test
    void toStringIsMasked() {
        IdNumber n = new IdNumber("11010519491231002X");
        assertThat(n.toString()).isEqualTo("110***********002X").doesNotContain("19491231");
        assertThat(n.masked()).isEqualTo(n.toString());
    }
}
