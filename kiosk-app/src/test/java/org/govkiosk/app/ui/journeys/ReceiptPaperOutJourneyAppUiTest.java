package org.govkiosk.app.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.EntryState;
import org.govkiosk.app.outbox.OutboxEntry;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.app.ui.FakeIppPrinter;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The receipt printer runs out of paper while the receipt prints (the simulator's paper-out-mid-job fault): the
 * torn receipt is followed by the same receipt on A4 from the document printer (an IPP printer on loopback), the
 * screen says so, and the case reaches the platform once.
 */
class ReceiptPaperOutJourneyAppUiTest {

    @RegisterExtension
    final PlatformAndTerminal env = PlatformAndTerminal.configured(
            (terminal, setup) -> terminal.withA4Printer(a4 = setup.closing(new FakeIppPrinter())));

    private RealPlatform platform;
    private FakeIppPrinter a4;
    private TerminalRig rig;

    @BeforeEach
    void start() {
        platform = env.platform();
        rig = env.rig();
    }

    @Test
    void theReceiptComesOutOnA4WhenTheReceiptPaperRunsOutMidJob() throws Exception {
        rig.identifyWithIdCard();
        rig.fillThePensionForm();
        String receiptsBefore = rig.simulator("receipt-1", "printed");
        assertThat(rig.simulator("receipt-1", "fault paper-out-mid-job")).startsWith("ok");

        rig.submit();

        assertThat(rig.text("#result-headline")).isEqualTo("申报成功，办理部门已收到您的申请");
        String number = rig.text("#result-number").substring("办件编号：".length());
        assertThat(rig.text("#result-paper") + rig.text("#result-print-reason")).as("texts: %s", rig.texts())
                .contains("已打印受理回执，请取走").contains("已改用A4纸打印");
        assertThat(rig.simulator("receipt-1", "printed")).as("the receipt printer tore its receipt")
                .isNotEqualTo(receiptsBefore).contains("torn");

        List<byte[]> pdfs = a4.documents();
        assertThat(pdfs).hasSize(1);
        String a4Text;
        try (PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(pdfs.get(0))) {
            a4Text = new PDFTextStripper().getText(pdf);
        }
        assertThat(a4Text.replaceAll("\\s", "")).contains("受理回执", number, "基本养老保险待遇申领")
                .doesNotContain(TerminalRig.PHONE);

        // What reached the platform: this one case, once.
        List<OutboxEntry> confirmed = rig.app().context().platformLink().outbox().entries(EntryState.CONFIRMED)
                .stream().filter(e -> e.kind() == EntryKind.CASE).toList();
        assertThat(confirmed).hasSize(1);
        String clerkView = platform.clerk("GET", org.govkiosk.api.ApiPaths.CLERK_CASES, null, null).body();
        assertThat(clerkView).contains(number, TerminalRig.PENSION_ITEM);
        rig.close();
        rig = null;
        platform.stop();
        assertThat(platform.storedKeys("cases")).containsExactly(
                java.util.Map.entry(confirmed.get(0).idempotencyKey(), 1));
    }
}
