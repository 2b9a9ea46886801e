package org.govkiosk.app.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseReturn;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.app.ui.FakeIppPrinter;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 退回件 end to end (issue 17): apply with the ID card and take the receipt; the department returns the case with two
 * written reasons through the platform's clerk endpoint; the citizen scans the receipt in 办件查询, sees 已退回 with
 * each reason and what to do next, in Chinese and in English, and prints the 退回通知 on the hall's A4 printer, twice.
 */
class ReturnNoticeJourneyAppUiTest {

    @RegisterExtension
    final PlatformAndTerminal env = PlatformAndTerminal.configured(
            (terminal, setup) -> terminal.withA4Printer(a4 = setup.closing(new FakeIppPrinter())));

    private FakeIppPrinter a4;

    @Test
    void aReturnedCasesReasonsShowAndItsNoticePrintsFromTheProgressQuery() throws Exception {
        RealPlatform platform = env.platform();
        TerminalRig rig = env.rig();
        FxRobot robot = rig.robot();
        rig.identifyWithIdCard();
        rig.fillThePensionForm();
        rig.submit();
        String number = rig.text("#result-number").substring("办件编号：".length());
        String receiptQr = rig.simulator("receipt-1", "qr").lines().toList().get(0);

        byte[] back = ApiJson.lenient().writeValueAsBytes(new CaseReturn("示例市人力资源和社会保障局", "窗口工号 0127",
                List.of("解除劳动合同证明未加盖单位公章", "申请表中退休日期与档案记载不一致"), "请补齐盖章材料、核对退休日期后重新申报"));
        HttpResponse<String> returned = platform.clerk("POST", ApiPaths.clerkCaseReturn(number), "application/json",
                back);
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);

        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#finish");
        TerminalRig.waitFor(15, () -> rig.screen() == ScreenId.ATTRACT);
        robot.clickOn("#start");
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.HOME);
        robot.clickOn("#tile-query");
        assertThat(rig.simulator("qr-1", "scan " + receiptQr)).startsWith("ok");
        TerminalRig.waitFor(20, () -> robot.lookup("#progress-state-" + number).tryQuery().isPresent());
        assertThat(rig.text("#progress-state-" + number)).isEqualTo("办理状态：已退回");
        assertThat(rig.texts()).contains("示例市人力资源和社会保障局经审查予以退回，原因如下：",
                "1. 解除劳动合同证明未加盖单位公章", "2. 申请表中退休日期与档案记载不一致",
                "办理部门意见：请补齐盖章材料、核对退休日期后重新申报")
                .noneMatch(t -> t.startsWith("承诺办结日期"))
                .noneMatch(t -> t.contains("0127"));
        assertThat(robot.lookup("#progress-print-certificate").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#progress-print-refusal").queryButton().isVisible()).isFalse();
        Screens.check(robot, rig, "progress-returned");

        rig.tap("#progress-print-return");
        TerminalRig.waitFor(60, () -> rig.text("#progress-certificate-status").equals("已打印退回通知，请取走"));
        Screens.check(robot, rig, "progress-return-printed");
        rig.tap("#progress-print-return");
        TerminalRig.waitFor(60, () -> a4.documents().size() == 2);

        String printed;
        try (PDDocument pdf = Loader.loadPDF(a4.documents().get(0))) {
            printed = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
        }
        assertThat(printed).contains("退回通知", number, "因以下原因予以退回", "1解除劳动合同证明未加盖单位公章",
                "2申请表中退休日期与档案记载不一致", "办理部门意见：请补齐盖章材料、核对退休日期后重新申报", "重新申报")
                .doesNotContain("0127", "null", "${");
    }
}
