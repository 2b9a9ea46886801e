package org.govkiosk.app.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govkiosk.app.journey.RecordingDocumentPrinter;
import org.govkiosk.testkit.Await;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.PrintJob;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.driver.escpos.ReceiptPrinterDriver;
import org.govkiosk.device.internal.sim.escpos.SimulatedEscPosPrinter;
import org.govkiosk.device.transport.PipeTransport;
import org.govkiosk.print.data.AcceptanceReceiptData;
import org.govkiosk.print.data.MaskedText;
import org.govkiosk.print.escpos.EscPosRenderer;
import org.govkiosk.print.escpos.EscPosSettings;
import org.govkiosk.print.escpos.ReceiptPaper;
import org.govkiosk.print.model.Medium;
import org.govkiosk.print.pdf.CjkFont;
import org.govkiosk.print.pdf.FontLocator;
import org.govkiosk.print.pdf.PdfRenderer;
import org.govkiosk.print.template.TemplateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The print service with the real receipt printer driver on its simulator (ESC/POS bytes parsed back) and an A4
 * printer that keeps what it is sent, so what reached each paper can be read back.
 */
class PrintServiceTest {

    private static final String CASE_NUMBER = "330100-2026-000123";

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final DeviceEventBus bus = new DeviceEventBus();
    private final SimulatedEscPosPrinter sim = new SimulatedEscPosPrinter();
    // An A4 printer that keeps its jobs; the real CUPS path has its own integration test.
    private final RecordingDocumentPrinter a4 = new RecordingDocumentPrinter();
    private ReceiptPrinterDriver receipt;
    private PrintService service;

    @BeforeEach
    void start() throws Exception {
        PipeTransport[] pipe = PipeTransport.pair("receipt");
        sim.attach(pipe[1]);
        DeviceConfig config = new DeviceConfig("receipt-1", DeviceFamily.RECEIPT_PRINTER, null,
                TransportConfig.simulator(), true, Duration.ofMillis(50), null,
                Map.of("min-poll-interval", "20", "response-timeout", "500"));
        receipt = new ReceiptPrinterDriver(config, pipe[0], new DeviceContext(scheduler, bus, Clock.systemUTC()));
        receipt.start();
        Await.until("the receipt printer online", Duration.ofSeconds(10),
                () -> receipt.status().status() == DeviceStatus.ONLINE, receipt::status);
        Path templates = Paths.get("../config/templates");
        service = new PrintService(TemplateRepository.load(templates),
                () -> new PdfRenderer(CjkFont.shared(FontLocator.system())),
                new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM80)), List.of(receipt), List.of(a4),
                Executors.newSingleThreadExecutor());
    }

    @AfterEach
    void stop() {
        service.close();
        receipt.close();
        sim.close();
        scheduler.shutdownNow();
    }

    private static AcceptanceReceiptData receiptData() {
        return new AcceptanceReceiptData("示例市政务服务中心", CASE_NUMBER, "城乡居民养老保险参保登记",
                MaskedText.name("张三丰"), MaskedText.idNumber("110101199003071234"),
                LocalDateTime.of(2026, 11, 30, 9, 42), LocalDate.of(2026, 12, 10),
                "https://gov.example/q?c=" + CASE_NUMBER, "示例市人民大道88号", "0571-12345678", "demo-terminal-001");
    }

    private PrintResult print(String jobId) throws Exception {
        return service.print(receiptData(), jobId).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aReceiptGoesToTheReceiptPrinter() throws Exception {
        PrintResult result = print("J-1");

        assertThat(result).isEqualTo(new PrintResult.Printed("receipt-1", Medium.RECEIPT, "J-1", false));
        String printed = sim.lastDocument().orElseThrow().text();
        assertThat(printed).contains(CASE_NUMBER, "城乡居民养老保险参保登记").doesNotContain("张三丰");
        assertThat(a4.jobs).isEmpty();
    }

    @Test
    void paperRunningOutMidReceiptReprintsTheWholeDocumentOnA4() throws Exception {
        requireCjkFont();
        sim.command("fault " + SimulatedEscPosPrinter.PAPER_OUT_MID_JOB);

        PrintResult result = print("J-2");

        assertThat(result).isEqualTo(new PrintResult.Printed("a4-1", Medium.A4, "J-2", true));
        assertThat(sim.printedDocuments()).anySatisfy(d -> assertThat(d.torn()).isTrue());
        assertThat(a4.jobs).singleElement().satisfies(job -> {
            assertThat(job.jobId()).isEqualTo("J-2");
            assertThat(job.format()).isEqualTo(PrintJob.Format.PDF);
            assertThat(pdfText(job.data())).contains(CASE_NUMBER);
        });
    }

    @Test
    void withEveryPrinterOutTheCitizenIsToldAndMayRetry() throws Exception {
        sim.command("fault " + SimulatedEscPosPrinter.COVER_OPEN);
        Await.until("the receipt printer unusable", Duration.ofSeconds(10), () -> !receipt.status().isUsable(),
                receipt::status);
        a4.status = DeviceStatusInfo.offline(DeviceStatusDetail.PAPER_OUT);

        PrintResult result = print("J-3");

        assertThat(result).isInstanceOfSatisfying(PrintResult.Failed.class, f -> {
            assertThat(f.messageKey()).isEqualTo("print.failed.no-printer");
            assertThat(f.retryable()).isTrue();
        });
        assertThat(service.anyPrinterUsable()).isFalse();
        assertThat(sim.printedDocuments()).isEmpty();
        assertThat(a4.jobs).isEmpty();
    }

    @Test
    void aReadyPdfGoesToA4Only() throws Exception {
        byte[] pdf = "%PDF-1.7 fake".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(service.printPdf(pdf, "C-1").get(10, TimeUnit.SECONDS))
                .isEqualTo(new PrintResult.Printed("a4-1", Medium.A4, "C-1", false));
        a4.status = DeviceStatusInfo.offline(DeviceStatusDetail.PAPER_JAM);
        assertThat(service.printPdf(pdf, "C-2").get(10, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(PrintResult.Failed.class,
                        f -> assertThat(f.messageKey()).isEqualTo("print.failed.no-a4-printer"));
        assertThat(sim.printedDocuments()).isEmpty();
    }

    private static void requireCjkFont() {
        try {
            FontLocator.system().locate();
        } catch (RuntimeException e) {
            Assumptions.abort("no TrueType CJK font on this machine: " + e.getMessage());
        }
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
