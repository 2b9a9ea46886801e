package org.govkiosk.app.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseView;
import org.govkiosk.app.context.AppContext;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.app.ui.FakeIppPrinter;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 自助出证 end to end (issue 6): apply for a 承诺件 with the ID card and take the receipt; the department (the
 * platform's clerk endpoints) finishes the case and attaches its certificate; the citizen leaves, comes back later,
 * opens 办件查询, holds the receipt's QR code to the scanner, sees 已办结 and prints the certificate on the hall's A4
 * printer (an IPP printer on loopback) — for its holder only (issue 17): the receipt alone asks to identify, another
 * person identified is refused, the applicant identified with the ID card prints it. The printed PDF is read back with PDFBox; the terminal reports the hand-out
 * and the platform's case becomes 已出证, which the next progress query shows.
 */
class CertificateSelfPrintJourneyAppUiTest {

    @RegisterExtension
    final PlatformAndTerminal env = PlatformAndTerminal.configured(
            (terminal, setup) -> terminal.withA4Printer(a4 = setup.closing(new FakeIppPrinter())));

    /** demo-zhang's ID number (the simulator's demo card): never shown on a screen. */
    private static final String ID_NUMBER_OF_ZHANG = "110101198001011232";

    private RealPlatform platform;
    private FakeIppPrinter a4;
    private TerminalRig rig;
    private FxRobot robot;

    @BeforeEach
    void start() {
        platform = env.platform();
        rig = env.rig();
        robot = rig.robot();
    }

    @Test
    void scanTheReceiptOfAFinishedCaseAndPrintItsCertificate() throws Exception {
        // First visit: apply, take the receipt.
        rig.identifyWithIdCard();
        rig.fillThePensionForm();
        rig.submit();
        assertThat(rig.text("#result-headline")).isEqualTo("申报成功，办理部门已收到您的申请");
        String number = rig.text("#result-number").substring("办件编号：".length());
        assertThat(rig.text("#result-paper")).isEqualTo("已打印受理回执，请取走");
        assertThat(rig.simulator("receipt-1", "last")).contains("受理回执", number);
        // The QR payload as the receipt printer decoded it from the ESC/POS stream: what the citizen will scan.
        List<String> qrs = rig.simulator("receipt-1", "qr").lines().toList();
        assertThat(qrs).hasSize(2);
        assertThat(qrs.get(1)).as("the rating code: the platform's signed link").contains("/rate?t=");
        String receiptQr = qrs.get(0);
        assertThat(receiptQr).startsWith("http").endsWith(number);
        assertThat(a4.documents()).as("the receipt went to the receipt printer, not A4").isEmpty();

        // The department finishes the case and attaches the certificate.
        String marker = "GOVKIOSK-CERT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        for (CaseState to : List.of(CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED)) {
            HttpResponse<String> moved = platform.clerk("POST", ApiPaths.clerkCaseTransitions(number),
                    "application/json", ("{\"to\":\"" + to + "\"}").getBytes(StandardCharsets.UTF_8));
            assertThat(moved.statusCode()).as("move to %s: %s", to, moved.body()).isEqualTo(200);
        }
        HttpResponse<String> attached = platform.clerk("PUT", ApiPaths.clerkCaseCertificate(number),
                "application/pdf", certificatePdf(marker, number));
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(204);

        // The citizen leaves: the session ends.
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#finish");
        TerminalRig.waitFor(15, () -> rig.screen() == ScreenId.ATTRACT);

        // Second visit, anonymous: 办件查询 by the receipt's QR code.
        robot.clickOn("#start");
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.HOME);
        scanTheReceipt(number, receiptQr);
        assertThat(rig.text("#progress-state-" + number)).isEqualTo("办理状态：已办结");
        assertThat(rig.texts()).contains("办理结果已出具，可在本机打印");
        TerminalRig.waitFor(10, () -> !robot.lookup("#progress-print-certificate").queryButton().isDisabled());

        // A receipt proves nobody's identity: the certificate prints for its holder only, who identifies first.
        rig.tap("#progress-print-certificate");
        TerminalRig.waitFor(10, () -> rig.text("#progress-certificate-status").equals(
                "办理结果仅限申请人本人打印，请先点击“核验身份”，刷身份证、社保卡或扫描电子证照二维码"));
        assertThat(robot.lookup("#progress-identify").queryButton().isVisible()).isTrue();
        snapshot("holder-print-identify-first");
        assertThat(a4.documents()).isEmpty();

        // Someone else identifies with their own ID card, holding 张's receipt: refused, nothing printed.
        rig.tap("#progress-identify");
        rig.identifyOnScreen("demo-li");
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.PROGRESS);
        assertThat(rig.text("#progress-state-" + number)).as("back at the case found").isEqualTo("办理状态：已办结");
        TerminalRig.waitFor(10, () -> !robot.lookup("#progress-identify").queryButton().isVisible());
        rig.tap("#progress-print-certificate");
        TerminalRig.waitFor(30, () -> rig.text("#progress-certificate-status").equals(
                "办理结果仅限申请人本人打印。您不是该办件的申请人，无法打印；如受申请人委托，请持委托书到综合出证窗口领取"));
        assertThat(a4.documents()).isEmpty();
        assertThat(rig.texts()).noneMatch(t -> t.contains(ID_NUMBER_OF_ZHANG));
        snapshot("holder-print-not-the-holder");
        robot.clickOn("#finish");
        TerminalRig.waitFor(15, () -> rig.screen() == ScreenId.ATTRACT);

        // The holder comes with the receipt and identifies with the ID card: now it prints.
        robot.clickOn("#start");
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.HOME);
        rig.pass(Duration.ofSeconds(3)); // the same receipt shown again, after the scanner's de-bounce window
        scanTheReceipt(number, receiptQr);
        rig.tap("#progress-print-certificate");
        TerminalRig.waitFor(10, () -> robot.lookup("#progress-identify").queryButton().isVisible());
        rig.tap("#progress-identify");
        rig.identifyOnScreen("demo-zhang");
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.PROGRESS);
        rig.tap("#progress-print-certificate");
        TerminalRig.waitFor(60, () -> rig.text("#progress-certificate-status").equals("办理结果已打印，请取走"));

        // What the A4 printer received: the platform's certificate, untouched.
        List<byte[]> pdfs = a4.documents();
        assertThat(pdfs).hasSize(1);
        String printed;
        try (PDDocument pdf = Loader.loadPDF(pdfs.get(0))) {
            printed = new PDFTextStripper().getText(pdf);
        }
        assertThat(printed).contains(marker, number);

        // What reached the platform: once printed, the terminal reported the hand-out (出证) through its outbox,
        // and the platform moved the case on, exactly once, with the digest of what was printed in its history.
        TerminalRig.waitFor(30, () -> platformCase(number).state() == CaseState.CERTIFICATE_ISSUED);
        CaseView after = platformCase(number);
        assertThat(after.certificateAvailable()).isTrue();
        assertThat(after.history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED,
                CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED, CaseState.CERTIFICATE_ISSUED);
        assertThat(after.history().get(4).note()).contains(app().config().terminal().id(),
                sha256Hex(pdfs.get(0)).substring(0, 12), "本人领取");

        // A progress query now shows 已出证 (the receipt scanned again), and the certificate can still be reprinted.
        // The citizen takes the receipt away and shows it again. Shown again within the scanner's de-bounce window
        // (1.5 s from its last read) it would be the same receipt still held up, read once: on a fast machine the
        // print and its report take less than that, and this query was never made (the test's race, not the
        // terminal's). Time passes on the terminal's clock as it would for a person.
        rig.pass(Duration.ofSeconds(3));
        assertThat(rig.simulator("qr-1", "scan " + receiptQr)).startsWith("ok");
        TerminalRig.waitFor(20, () -> robot.lookup("#progress-state-" + number).tryQuery()
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).filter("办理状态：已出证"::equals).isPresent());
        assertThat(rig.texts()).contains("办理结果已出具，可在本机打印");
    }

    /** 办件查询 from the menu, the receipt's QR code held to the scanner, until the case shows. */
    private void scanTheReceipt(String number, String receiptQr) throws Exception {
        robot.clickOn("#tile-query");
        assertThat(rig.screen()).isEqualTo(ScreenId.PROGRESS);
        assertThat(rig.simulator("qr-1", "scan " + receiptQr)).startsWith("ok");
        TerminalRig.waitFor(20, () -> robot.lookup("#progress-state-" + number).tryQuery().isPresent());
    }

    private CaseView platformCase(String number) throws Exception {
        return app().platformLink().connectingClient().queryCase(number);
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private AppContext app() {
        return rig.app().context();
    }

    /** A small real certificate, as a department's system would attach it: the marker and case number as text. */
    private static byte[] certificatePdf(String marker, String number) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                text.newLineAtOffset(72, 760);
                text.showText("Certificate " + marker);
                text.newLineAtOffset(0, -24);
                text.showText("Case " + number);
                text.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** The whole screen as the citizen sees it, to {@code target/<name>.png} (for a look, not asserted). */
    private void snapshot(String name) throws Exception {
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> shot =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> shot.set(robot.lookup("#progress").query().getScene().snapshot(null)));
        org.govkiosk.app.testkit.Screenshots.write(shot.get(), java.nio.file.Paths.get("target", name + ".png"));
    }
}
