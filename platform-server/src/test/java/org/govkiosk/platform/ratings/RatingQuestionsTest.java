package org.govkiosk.platform.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 细化评价问询 from catalog.yaml: the shipped questions, and every mistake named with its file and key. */
class RatingQuestionsTest {

    @TempDir
    Path dir;

    @Test
    void theShippedCatalogAsksItsItemsQuestionsAndNamesItemsInEnglish() {
        RatingQuestions shipped = RatingQuestions.read(Path.of("../config/catalog.yaml"));
        assertThat(shipped.forItem(PhonePlatform.ITEM)).extracting(RatingQuestions.Question::code)
                .containsExactly("GUIDE_CLEAR", "ONE_VISIT");
        assertThat(shipped.forItem(PhonePlatform.ITEM).get(0).en()).startsWith("Were the guide");
        assertThat(shipped.forItem("NO-SUCH-ITEM")).isEmpty();
        assertThat(shipped.name(PhonePlatform.ITEM)).get().satisfies(n -> {
            assertThat(n.zh()).isEqualTo(PhonePlatform.ITEM_NAME);
            assertThat(n.en()).contains("Enrolment in basic pension insurance for urban and rural residents");
        });
    }

    @Test
    void mistakesAreNamedWithFileAndKey() throws Exception {
        Path file = Files.writeString(dir.resolve("catalog.yaml"), """
                items:
                  - code: "A1"
                    name: 甲
                    rating-questions:
                      - {code: "bad code", text: {zh: 问一, en: Q1}}
                      - {code: OVERALL, text: {zh: 问二, en: Q2}}
                      - {code: Q3, text: {zh: 问三, en: Q3}}
                      - {code: Q3, text: {zh: 问四, en: Q4}}
                      - {code: Q5, text: {zh: 问五}}
                      - {code: Q6, txt: {zh: 问六, en: Q6}}
                """);
        assertThatThrownBy(() -> RatingQuestions.read(file))
                .hasMessageContaining("catalog.yaml: items[0].rating-questions[0].code: must be 1 to 32")
                .hasMessageContaining("rating-questions[1].code: 'OVERALL' is an indicator of every rating")
                .hasMessageContaining("rating-questions[3].code: 'Q3' is listed twice")
                .hasMessageContaining("rating-questions[4].text.en")
                .hasMessageContaining("rating-questions[5].txt: unknown key; allowed here: code, text");
    }
}
