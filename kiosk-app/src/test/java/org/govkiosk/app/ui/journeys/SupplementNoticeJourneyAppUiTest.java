package org.govkiosk.app.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseTransition;
import org.govkiosk.app.ui.FakeIppPrinter;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 补办件 end to end (issue 17): after the application, the department asks through the platform for one material
 * (补正, naming it); the citizen scans the receipt in 办件查询, sees what is missing and prints the 补正告知书 (the
 * hall's one-time notification, with the catalog's requirement and the correction deadline) on A4.
 */
class SupplementNoticeJourneyAppUiTest {

    @RegisterExtension
    final PlatformAndTerminal env = PlatformAndTerminal.configured(
            (terminal, setup) -> terminal.withA4Printer(a4 = setup.closing(new FakeIppPrinter())));

    private FakeIppPrinter a4;

    @Test
    void theDepartmentsRequestIsPrintedAsTheOneTimeNotification() throws Exception {
        TerminalRig rig = env.rig();
        FxRobot robot = rig.robot();
        rig.identifyWithIdCard();
        rig.fillThePensionForm();
        rig.submit();
        String number = rig.text("#result-number").substring("办件编号：".length());
        String receiptQr = rig.simulator("receipt-1", "qr").lines().toList().get(0);

        // M04 of the pension item: 解除或终止劳动合同证明.
        HttpResponse<String> asked = env.platform().clerk("POST", ApiPaths.clerkCaseTransitions(number),
                "application/json", ApiJson.lenient().writeValueAsBytes(
                        new CaseTransition(CaseState.NEEDS_SUPPLEMENT, null, List.of("M04"))));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);

        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#finish");
        TerminalRig.waitFor(15, () -> rig.screen() == ScreenId.ATTRACT);
        robot.clickOn("#start");
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.HOME);
        robot.clickOn("#tile-query");
        assertThat(rig.simulator("qr-1", "scan " + receiptQr)).startsWith("ok");
        TerminalRig.waitFor(20, () -> robot.lookup("#progress-state-" + number).tryQuery().isPresent());
        assertThat(rig.text("#progress-state-" + number)).isEqualTo("办理状态：待补正");
        Screens.check(robot, rig, "progress-supplement-notice");

        rig.tap("#progress-print-supplement-notice");
        TerminalRig.waitFor(60, () -> rig.text("#progress-certificate-status")
                .equals("已打印补正告知书（一次性告知书），请取走"));
        String printed;
        try (PDDocument pdf = Loader.loadPDF(a4.documents().get(0))) {
            printed = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
        }
        assertThat(printed).contains("一次性告知书", "示例市人力资源和社会保障局", number, "解除或终止劳动合同证明",
                "仍在职的，由原单位出具", "个工作日内", "以上为需要补正的全部材料").doesNotContain("null", "${");
    }
}
