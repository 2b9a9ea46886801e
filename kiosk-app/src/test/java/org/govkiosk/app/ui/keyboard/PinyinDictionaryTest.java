package org.govkiosk.app.ui.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pinyin dictionary the terminal ships: what a citizen writing a name or an address needs from it. */
class PinyinDictionaryTest {

    private static final PinyinDictionary DICTIONARY = PinyinDictionary.load();

    private static List<String> texts(String letters) {
        return DICTIONARY.candidates(letters).stream().map(PinyinDictionary.Candidate::text).toList();
    }

    @Test
    void loadsTheGeneratedResource() {
        assertThat(DICTIONARY.spellings()).as("distinct spellings").isGreaterThan(5_000);
    }

    @Test
    void aSyllableGivesItsCommonCharactersFirst() {
        List<String> zhang = texts("zhang");
        assertThat(zhang).contains("张", "章", "长");
        assertThat(zhang.indexOf("张")).as("张 among the first page").isLessThan(KeyboardViewModel.PAGE_SIZE);
        assertThat(DICTIONARY.candidates("zhang").get(0).consumes()).isEqualTo(5);
    }

    @Test
    void wordsComeWholeAndFirst() {
        assertThat(texts("beijing").get(0)).isEqualTo("北京");
        assertThat(texts("guangzhou")).startsWith("广州");
        assertThat(texts("xiaoqu")).contains("小区");
    }

    @Test
    void syllablesNeedNoSeparatorEvenWhenTheyCouldSplitTwoWays() {
        assertThat(texts("xian")).contains("先", "西安");
    }

    @Test
    void aSyllableStillBeingTypedFindsTheWordsItBegins() {
        assertThat(texts("beij").subList(0, 3)).contains("北京");
    }

    @Test
    void theLeadingSyllableCanBeTakenAloneAndTheRestTypedOn() {
        List<PinyinDictionary.Candidate> all = DICTIONARY.candidates("beijingx");
        assertThat(all).anySatisfy(c -> {
            assertThat(c.text()).isEqualTo("北京");
            assertThat(c.consumes()).isEqualTo(7);
        });
        assertThat(all).anySatisfy(c -> {
            assertThat(c.text()).isEqualTo("北");
            assertThat(c.consumes()).isEqualTo(3);
        });
    }

    @Test
    void noLettersNoCandidatesAndTheListIsBounded() {
        assertThat(DICTIONARY.candidates("")).isEmpty();
        assertThat(DICTIONARY.candidates("s")).hasSizeLessThanOrEqualTo(PinyinDictionary.MAX_CANDIDATES)
                .isNotEmpty();
    }
}
