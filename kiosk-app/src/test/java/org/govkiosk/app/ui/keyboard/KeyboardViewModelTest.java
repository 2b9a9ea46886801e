package org.govkiosk.app.ui.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The keyboard's behaviour, keys tapped one by one against a field that records what it holds. */
class KeyboardViewModelTest {

    /** A field: text with the caret at its end. */
    static final class Field implements KeyboardViewModel.Target {
        final StringBuilder text = new StringBuilder();

        @Override
        public void insert(String t) {
            text.append(t);
        }

        @Override
        public void deleteBackward() {
            if (text.length() > 0) {
                text.setLength(text.length() - 1);
            }
        }

        @Override
        public void replace(String t) {
            text.setLength(0);
            text.append(t);
        }

        @Override
        public String text() {
            return text.toString();
        }
    }

    private static final PinyinDictionary DICTIONARY = PinyinDictionary.load();
    private final Clock clock = Clock.fixed(Instant.parse("2025-06-15T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final KeyboardViewModel keyboard = new KeyboardViewModel(() -> DICTIONARY, new DatePickerViewModel(clock));
    private final Field field = new Field();

    private void tap(String letters) {
        for (char c : letters.toCharArray()) {
            keyboard.type(String.valueOf(c));
        }
    }

    private int slotOf(String text) {
        for (int i = 0; i < keyboard.page().size(); i++) {
            if (keyboard.page().get(i).text().equals(text)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void pinyinStaysInTheKeyboardUntilACandidateIsChosen() {
        keyboard.show(KeyboardLayout.CHINESE, field);
        tap("beijing");
        assertThat(field.text()).isEmpty();
        assertThat(keyboard.composingProperty().get()).isEqualTo("beijing");
        assertThat(keyboard.page()).hasSizeLessThanOrEqualTo(KeyboardViewModel.PAGE_SIZE);
        assertThat(keyboard.page().get(0).text()).isEqualTo("北京");
        keyboard.choose(0);
        assertThat(field.text()).isEqualTo("北京");
        assertThat(keyboard.composingProperty().get()).isEmpty();
        assertThat(keyboard.page()).isEmpty();
    }

    @Test
    void aCharacterTakenForTheFirstSyllableLeavesTheRestComposed() {
        keyboard.show(KeyboardLayout.CHINESE, field);
        tap("zhangsan");
        // 张 is not in the first page of "zhangsan" (whole words come first): page on until it is.
        while (slotOf("张") < 0 && keyboard.hasNextPageProperty().get()) {
            keyboard.nextPage();
        }
        keyboard.choose(slotOf("张"));
        assertThat(field.text()).isEqualTo("张");
        assertThat(keyboard.composingProperty().get()).isEqualTo("san");
        keyboard.choose(slotOf("三"));
        assertThat(field.text()).isEqualTo("张三");
    }

    @Test
    void pagesMoveByAWholePageAndStopAtBothEnds() {
        keyboard.show(KeyboardLayout.CHINESE, field);
        tap("zhang");
        assertThat(keyboard.hasPreviousPageProperty().get()).isFalse();
        assertThat(keyboard.hasNextPageProperty().get()).isTrue();
        String first = keyboard.page().get(0).text();
        keyboard.nextPage();
        assertThat(keyboard.pageIndexProperty().get()).isEqualTo(1);
        assertThat(keyboard.page()).extracting(PinyinDictionary.Candidate::text).doesNotContain(first);
        keyboard.previousPage();
        keyboard.previousPage();
        assertThat(keyboard.pageIndexProperty().get()).isZero();
        assertThat(keyboard.page().get(0).text()).isEqualTo(first);
        keyboard.choose(slotOf("张"));
        assertThat(field.text()).isEqualTo("张");
    }

    @Test
    void backspaceTakesLettersBeforeCharactersAndSpaceTakesTheBest() {
        keyboard.show(KeyboardLayout.CHINESE, field);
        tap("lu");
        keyboard.space();
        assertThat(field.text()).isEqualTo("路");
        tap("hx");
        keyboard.backspace();
        assertThat(keyboard.composingProperty().get()).isEqualTo("h");
        keyboard.backspace();
        keyboard.backspace();
        assertThat(field.text()).isEmpty();
        keyboard.type("8");
        keyboard.type("8");
        tap("hao");
        keyboard.choose(slotOf("号"));
        tap("shi");
        String best = keyboard.page().get(0).text();
        keyboard.type("，");
        assertThat(field.text()).as("a digit or mark goes in as is, and commits the best candidate")
                .isEqualTo("88号" + best + "，");
    }

    @Test
    void latinLettersAndCapsAndDoneKeepsUnchosenLetters() {
        keyboard.show(KeyboardLayout.CHINESE, field);
        tap("ab");
        keyboard.toggleLatin();
        assertThat(field.text()).isEqualTo("ab");
        tap("c");
        keyboard.toggleCaps();
        tap("d");
        assertThat(field.text()).isEqualTo("abcD");
        keyboard.toggleLatin();
        tap("ren");
        keyboard.done();
        assertThat(field.text()).isEqualTo("abcDren");
        assertThat(keyboard.shownProperty().get()).isFalse();
    }

    @Test
    void codesAreWrittenInCapitalsAndDigitsGoStraightIn() {
        keyboard.show(KeyboardLayout.CODE, field);
        tap("gb12");
        assertThat(field.text()).isEqualTo("GB12");
        keyboard.show(KeyboardLayout.PHONE, field);
        keyboard.clear();
        tap("0571-87654321");
        assertThat(field.text()).isEqualTo("0571-87654321");
    }

    @Test
    void theDatePickerWritesTheFormsFormatAndOnlyDatesThatExist() {
        keyboard.show(KeyboardLayout.DATE, field);
        DatePickerViewModel date = keyboard.date();
        assertThat(date.yearProperty().get()).isEqualTo(2025);
        assertThat(date.monthProperty().get()).isEqualTo(6);
        assertThat(field.text()).as("nothing written before a day is chosen").isEmpty();
        date.yearBy(-10);
        date.yearBy(-1);
        date.chooseMonth(1);
        date.chooseDay(31);
        assertThat(field.text()).isEqualTo("2014-01-31");
        date.chooseMonth(2);
        assertThat(field.text()).as("the 31st becomes February's last day").isEqualTo("2014-02-28");
        date.chooseDay(30);
        assertThat(field.text()).isEqualTo("2014-02-28");
        date.yearBy(-1000);
        assertThat(date.yearProperty().get()).isEqualTo(DatePickerViewModel.FIRST_YEAR);
    }

    @Test
    void theDatePickerOpensOnTheFieldsDate() {
        field.replace("1960-03-05");
        keyboard.show(KeyboardLayout.DATE, field);
        DatePickerViewModel date = keyboard.date();
        assertThat(date.yearProperty().get()).isEqualTo(1960);
        assertThat(date.monthProperty().get()).isEqualTo(3);
        assertThat(date.dayProperty().get()).isEqualTo(5);
        date.chooseDay(6);
        assertThat(field.text()).isEqualTo("1960-03-06");
    }

    @Test
    void hidingDropsWhatWasBeingComposed() {
        keyboard.show(KeyboardLayout.CHINESE, field);
        tap("zhong");
        keyboard.hide();
        assertThat(keyboard.composingProperty().get()).isEmpty();
        assertThat(keyboard.layoutProperty().get()).isEqualTo(KeyboardLayout.NONE);
        keyboard.type("x");
        assertThat(field.text()).isEmpty();
    }
}
