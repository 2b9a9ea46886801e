package org.govkiosk.app.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.govkiosk.api.CaseSearch;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.IdType;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One tap, one case (issue 13): once an application is filed, no way back through the shell's 返回 leads to its
 * 确认提交 again, and the platform holds exactly one case of the citizen for the item.
 */
class OneTapOneCaseJourneyAppUiTest {

    /** The simulated ID card {@code demo-zhang}'s number. */
    private static final String ZHANG = "110101198001011232";

    @RegisterExtension
    final PlatformAndTerminal env = PlatformAndTerminal.standard();

    @Test
    void backAfterTheResultNeverLeadsToTheConfirmationAndThePlatformHoldsOneCase() throws Exception {
        TerminalRig rig = env.rig();
        rig.identifyWithIdCard();
        rig.fillThePensionForm();
        rig.submit();
        String number = rig.text("#result-number").substring("办件编号：".length());

        // Every tap of the header's 返回 the citizen can make, from the result on.
        List<ScreenId> visited = new ArrayList<>();
        for (int taps = 0; taps < 10 && rig.robot().lookup("#back").tryQuery()
                .filter(b -> b.isVisible() && !b.isDisabled()).isPresent(); taps++) {
            rig.robot().clickOn("#back");
            WaitForAsyncUtils.waitForFxEvents();
            visited.add(rig.screen());
        }
        assertThat(visited).as("screens reached by 返回 after filing")
                .doesNotContain(ScreenId.APPLY_CONFIRM, ScreenId.APPLY_MATERIALS, ScreenId.APPLY_FORM);

        List<CaseView> mine = rig.app().context().platformLink().connectingClient()
                .searchCases(new CaseSearch(IdType.RESIDENT_ID, ZHANG)).cases().stream()
                .filter(c -> c.itemCode().equals(TerminalRig.PENSION_ITEM)).toList();
        assertThat(mine).extracting(CaseView::caseNumber).containsExactly(number);
    }
}
