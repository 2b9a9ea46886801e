package org.govkiosk.app.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The usual errand in as few taps as a citizen can make it: once identified, 我要申报 lists the items most applied
 * for here, one tap opens the application (no detour through the guide) with the picker up for the one field only
 * the citizen knows, a date in this month is one tap in it, and the receipt comes out at submission. Counts every
 * tap from the home screen to the printed receipt.
 */
class TapsToReceiptJourneyAppUiTest {

    /** At most this many taps from identification to receipt: the aim. */
    private static final int MOST = 6;

    @RegisterExtension
    final PlatformAndTerminal env = PlatformAndTerminal.standard();

    private final List<String> taps = new ArrayList<>();

    @Test
    void pensionClaimFromIdentificationToReceipt() throws Exception {
        TerminalRig rig = env.rig();
        rig.identifyWithIdCard();
        assertThat(rig.screen()).isEqualTo(ScreenId.HOME);

        tap(rig, "#tile-apply");
        assertThat(rig.text("#catalog-title")).isEqualTo("我要申报");
        assertThat(rig.text("#catalog-message")).isEqualTo("常办事项");
        tap(rig, "#catalog-result-" + TerminalRig.PENSION_ITEM);
        assertThat(rig.screen()).as("straight to the application, not the guide").isEqualTo(ScreenId.APPLY_FORM);

        TerminalRig.waitFor(10, () -> rig.robot().lookup("#osk-date").tryQuery().filter(n -> n.isVisible())
                .isPresent());
        assertThat(rig.robot().lookup("#field-retired-on").query().isFocused())
                .as("the picker is up for the retirement date, the one field to fill, before any tap").isTrue();
        tap(rig, "#osk-date-day-1");
        tap(rig, "#apply-next");
        assertThat(rig.screen()).as("form problems: %s", rig.texts()).isEqualTo(ScreenId.APPLY_MATERIALS);
        tap(rig, "#materials-next");
        tap(rig, "#confirm-submit");
        TerminalRig.waitFor(40, () -> rig.screen() == ScreenId.APPLY_RESULT
                && rig.robot().lookup("#result-paper").tryQuery().isPresent()
                && rig.text("#result-paper").startsWith("已打印受理回执"));

        System.out.printf("Taps from identification to receipt (pension claim): %d: %s%n", taps.size(), taps);
        assertThat(taps).as("taps: %s", taps).hasSizeLessThanOrEqualTo(MOST);
    }

    @Test
    void printingACertificateIsTitledSo() throws Exception {
        TerminalRig rig = env.rig();
        rig.robot().clickOn("#start");
        tap(rig, "#tile-print");
        assertThat(rig.text("#progress-title")).isEqualTo("证明打印");
        rig.robot().clickOn("#back");
        tap(rig, "#tile-query");
        assertThat(rig.text("#progress-title")).isEqualTo("办件查询");
        rig.robot().clickOn("#back");
        tap(rig, "#tile-guide");
        assertThat(rig.text("#catalog-title")).isEqualTo("办事指南");
    }

    private void tap(TerminalRig rig, String query) throws Exception {
        rig.tap(query);
        WaitForAsyncUtils.waitForFxEvents();
        taps.add(query);
    }
}
