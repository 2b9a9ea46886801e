package org.govkiosk.platform.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.LedgerState;
import org.govkiosk.api.Material;
import org.junit.jupiter.api.Test;

/** Every word of the desk in both languages; the English page in English; the choice of language. */
class DeskTextTest {

    @Test
    void everyKeyHasBothLanguagesAndEveryStateAndKindAWord() {
        for (String key : DeskText.keys()) {
            // Chinese states and kinds come from the API's own labels (CaseState.label()).
            if (!key.startsWith("state.") && !key.startsWith("kind.")) {
                assertThat(DeskText.ZH.get(key)).as("zh " + key).isNotBlank();
            }
            assertThat(DeskText.EN.get(key)).as("en " + key).isNotBlank();
        }
        for (CaseState s : CaseState.values()) {
            assertThat(DeskText.ZH.state(s)).isEqualTo(s.label());
            assertThat(DeskText.EN.state(s)).isNotBlank().doesNotContain("已");
        }
        for (CaseKind k : CaseKind.values()) {
            assertThat(DeskText.EN.kind(k)).isNotBlank();
        }
        for (LedgerState s : LedgerState.values()) {
            assertThat(DeskText.EN.ledgerState(s)).isNotBlank();
        }
        for (Material.Status s : Material.Status.values()) {
            assertThat(DeskText.ZH.material(s)).isNotBlank();
        }
    }

    @Test
    void theQueryWinsThenTheBrowsersFirstLanguageThenChinese() {
        assertThat(DeskText.choose("en", "zh-CN")).isEqualTo(DeskText.EN);
        assertThat(DeskText.choose("zh", "en-US")).isEqualTo(DeskText.ZH);
        assertThat(DeskText.choose(null, "en-GB,en;q=0.9,zh;q=0.5")).isEqualTo(DeskText.EN);
        assertThat(DeskText.choose(null, "zh-CN,en;q=0.8")).isEqualTo(DeskText.ZH);
        assertThat(DeskText.choose(null, null)).isEqualTo(DeskText.ZH);
        assertThat(DeskText.choose("", "en")).isEqualTo(DeskText.EN);
    }
}
