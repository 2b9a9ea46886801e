package org.govkiosk.app.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseTransition;
import org.govkiosk.api.NonAcceptance;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.app.ui.FakeIppPrinter;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 不予受理通知书 end to end (issue 17): apply with the ID card and take the receipt; the department refuses the case
 * with its reason, legal basis and where to appeal; the citizen comes back, scans the receipt in 办件查询, sees
 * 不予受理 with the reason and prints the notice on the hall's A4 printer, and again when asked.
 */
class NonAcceptanceNoticeJourneyAppUiTest {

    @RegisterExtension
    final PlatformAndTerminal env = PlatformAndTerminal.configured(
            (terminal, setup) -> terminal.withA4Printer(a4 = setup.closing(new FakeIppPrinter())));

    private FakeIppPrinter a4;

    @Test
    void aRefusedCasesNoticeIsPrintedFromTheProgressQuery() throws Exception {
        RealPlatform platform = env.platform();
        TerminalRig rig = env.rig();
        FxRobot robot = rig.robot();
        rig.identifyWithIdCard();
        rig.fillThePensionForm();
        rig.submit();
        String number = rig.text("#result-number").substring("办件编号：".length());
        String receiptQr = rig.simulator("receipt-1", "qr").lines().toList().get(0);

        byte[] refusal = ApiJson.lenient().writeValueAsBytes(CaseTransition.notAccepted("申请人未达到法定退休年龄",
                new NonAcceptance("示例市人力资源和社会保障局", "《中华人民共和国社会保险法》第十六条", "示例市人民政府",
                        "示例市西湖区人民法院", "示人社不受〔2026〕第0012号")));
        HttpResponse<String> refused = platform.clerk("POST", ApiPaths.clerkCaseTransitions(number),
                "application/json", refusal);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);

        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#finish");
        TerminalRig.waitFor(15, () -> rig.screen() == ScreenId.ATTRACT);
        robot.clickOn("#start");
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.HOME);
        robot.clickOn("#tile-query");
        assertThat(rig.simulator("qr-1", "scan " + receiptQr)).startsWith("ok");
        TerminalRig.waitFor(20, () -> robot.lookup("#progress-state-" + number).tryQuery().isPresent());
        assertThat(rig.text("#progress-state-" + number)).isEqualTo("办理状态：不予受理");
        assertThat(rig.texts()).contains("原因：申请人未达到法定退休年龄");
        assertThat(rig.texts()).as("a case not accepted promises no date")
                .noneMatch(t -> t.startsWith("承诺办结日期"));
        assertThat(robot.lookup("#progress-print-certificate").queryButton().isDisabled()).isTrue();

        rig.tap("#progress-print-refusal");
        TerminalRig.waitFor(60, () -> rig.text("#progress-certificate-status").equals("已打印不予受理通知书，请取走"));
        snapshot(robot, "holder-print-refusal-printed");
        rig.tap("#progress-print-refusal");
        TerminalRig.waitFor(60, () -> a4.documents().size() == 2);

        List<byte[]> pdfs = a4.documents();
        String printed;
        try (PDDocument pdf = Loader.loadPDF(pdfs.get(0))) {
            printed = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
        }
        assertThat(printed).contains("不予受理通知书", "示人社不受〔2026〕第0012号", number, "因申请人未达到法定退休年龄",
                "依据《中华人民共和国社会保险法》第十六条的规定，决定不予受理", "向示例市人民政府申请行政复议",
                "向示例市西湖区人民法院提起行政诉讼");
    }

    /** The whole screen as the citizen sees it, to {@code target/<name>.png} (for a look, not asserted). */
    private static void snapshot(FxRobot robot, String name) throws Exception {
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> shot =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> shot.set(robot.lookup("#progress").query().getScene().snapshot(null)));
        org.govkiosk.app.testkit.Screenshots.write(shot.get(), java.nio.file.Paths.get("target", name + ".png"));
    }
}
