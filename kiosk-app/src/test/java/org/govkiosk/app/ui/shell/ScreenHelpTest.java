package org.govkiosk.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.ScreenId;
import org.junit.jupiter.api.Test;

/** Which help each screen shows. */
class ScreenHelpTest {

    @Test
    void handingInMaterialsHasItsOwnHelpThatMentionsScanning() {
        assertThat(ScreenHelp.key(ScreenId.SUPPLEMENT)).isEqualTo("help.supplement");
        assertThat(I18n.bundle(Locale.SIMPLIFIED_CHINESE).getString("help.supplement")).contains("扫描", "确认补交");
        assertThat(I18n.bundle(Locale.ENGLISH).getString("help.supplement")).contains("Scan", "Hand in");
    }

    @Test
    void aScreenWithoutItsOwnTextGetsTheGeneralHelp() {
        assertThat(ScreenHelp.key(null)).isEqualTo(ScreenHelp.GENERAL);
        assertThat(ScreenHelp.key(ScreenId.ATTRACT)).isEqualTo(ScreenHelp.GENERAL);
    }
}
