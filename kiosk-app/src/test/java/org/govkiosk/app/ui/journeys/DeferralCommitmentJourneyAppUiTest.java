package org.govkiosk.app.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 容缺受理 end to end (issue 17), through the real HTTP platform: the citizen defers the pension item's labour
 * contract certificate (deferral-days 5 in the shipped catalog), reads the commitment (what, by when, what if not),
 * accepts it explicitly, and gets the acceptance receipt and the 容缺受理承诺书; 办件查询 then shows the deferral with
 * its deadline and prints the commitment again. The screens are looked at in Chinese and English.
 */
class DeferralCommitmentJourneyAppUiTest {

    @RegisterExtension
    final PlatformAndTerminal env = PlatformAndTerminal.standard();

    @Test
    void theCommitmentIsShownAcceptedKeptPrintedAndFoundAgain() throws Exception {
        TerminalRig rig = env.rig();
        FxRobot robot = rig.robot();
        rig.identifyWithIdCard();
        rig.fillThePensionForm();

        assertThat(robot.lookup("#apply-deferral-terms").query().isVisible()).isFalse();
        robot.interact(() -> robot.lookup("#material-3-deferred").queryAs(javafx.scene.control.ToggleButton.class)
                .fire());
        WaitForAsyncUtils.waitForFxEvents();
        String terms = rig.text("#apply-deferral-terms");
        assertThat(terms).startsWith("本人承诺：在").contains("（5个工作日内，含当日）", "解除或终止劳动合同证明",
                "逾期未补交的，本次申请视为撤回");
        Screens.check(robot, rig, "apply-deferral-terms");

        robot.clickOn("#materials-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rig.screen()).as("not without the acceptance").isEqualTo(ScreenId.APPLY_MATERIALS);
        assertThat(rig.text("#apply-commitment-error")).isEqualTo("选择“容缺后补”需勾选上方的告知承诺");
        robot.clickOn("#apply-commitment");
        rig.submit();
        String number = rig.text("#result-number").substring("办件编号：".length());
        TerminalRig.waitFor(20, () -> rig.texts().stream().anyMatch(t -> t.contains("已打印容缺受理承诺书")));
        Screens.check(robot, rig, "apply-deferral-result");

        String commitment = rig.simulator("receipt-1", "last").replaceAll("[\\s|]+", "");
        assertThat(commitment).contains("容缺受理承诺书", number, "解除或终止劳动合同证明", "补交期限：5个工作日内",
                "逾期未补交的，本次申请视为撤回", "RQCN-2026.1", "承诺人：张*").doesNotContain("null", "${");
        assertThat(rig.simulator("receipt-1", "printed")).startsWith("2 documents");
        String receiptQr = rig.simulator("receipt-1", "qr").lines().toList().get(0);

        robot.clickOn("#finish");
        TerminalRig.waitFor(15, () -> rig.screen() == ScreenId.ATTRACT);
        robot.clickOn("#start");
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.HOME);
        robot.clickOn("#tile-query");
        assertThat(rig.simulator("qr-1", "scan " + receiptQr)).startsWith("ok");
        TerminalRig.waitFor(20, () -> robot.lookup("#progress-deferral-" + number).tryQuery().isPresent());
        assertThat(rig.text("#progress-deferral-" + number)).startsWith("容缺后补：解除或终止劳动合同证明，请于")
                .endsWith("前（含当日）补交");
        Screens.check(robot, rig, "progress-deferral");
        rig.tap("#progress-print-commitment");
        TerminalRig.waitFor(60, () -> rig.text("#progress-certificate-status").equals("已打印容缺受理承诺书，请取走"));
        assertThat(rig.simulator("receipt-1", "printed")).startsWith("3 documents");
        assertThat(rig.simulator("receipt-1", "last").replaceAll("[\\s|]+", "")).contains("容缺受理承诺书", number,
                "解除或终止劳动合同证明", "最迟补交");
    }
}
