package org.govkiosk.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.govkiosk.app.audit.Audit;
import org.govkiosk.app.journey.JourneyRig;
import org.govkiosk.app.journey.RecordingDocumentPrinter;
import org.govkiosk.app.printing.PrintService;
import org.govkiosk.testkit.Await;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
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
import org.govkiosk.print.escpos.EscPosRenderer;
import org.govkiosk.print.escpos.EscPosSettings;
import org.govkiosk.print.escpos.ReceiptPaper;
import org.govkiosk.print.pdf.CjkFont;
import org.govkiosk.print.pdf.FontLocator;
import org.govkiosk.print.pdf.PdfRenderer;
import org.govkiosk.print.template.TemplateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Self-tests: the receipt test page through the real driver and its simulator (bytes parsed back), the A4 page
 * as a PDF, and readers, scanners and pads whose events the test publishes.
 */
class DeviceSelfTestTest {

    private static final String TERMINAL = "T-SELFTEST-9";

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final DeviceEventBus bus = new DeviceEventBus();
    private final SimulatedEscPosPrinter sim = new SimulatedEscPosPrinter();
    private final RecordingDocumentPrinter a4 = new RecordingDocumentPrinter();
    private final FakeDevices.Reader reader = new FakeDevices.Reader("idcard-1");
    private final FakeDevices.Scanner scanner = new FakeDevices.Scanner("qr-1");
    private final FakeDevices.Pad pad = new FakeDevices.Pad("pad-1");
    private final List<String> audited = new CopyOnWriteArrayList<>();
    private final Audit audit = (event, details) -> audited.add(event + " " + details);
    private ReceiptPrinterDriver receipt;
    private PrintService printing;
    private DeviceSelfTest selfTest;

    @BeforeEach
    void start() throws Exception {
        PipeTransport[] pipe = PipeTransport.pair("receipt");
        sim.attach(pipe[1]);
        receipt = new ReceiptPrinterDriver(new DeviceConfig("receipt-1", DeviceFamily.RECEIPT_PRINTER, null,
                TransportConfig.simulator(), true, Duration.ofMillis(50), null,
                Map.of("min-poll-interval", "20", "response-timeout", "500")), pipe[0],
                new DeviceContext(scheduler, bus, Clock.systemUTC()));
        receipt.start();
        Await.until("the receipt printer online", Duration.ofSeconds(10),
                () -> receipt.status().status() == DeviceStatus.ONLINE, receipt::status);
        printing = new PrintService(TemplateRepository.load(Paths.get("../config/templates")),
                () -> new PdfRenderer(CjkFont.shared(FontLocator.system())),
                new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM80)), List.of(receipt), List.of(a4),
                Executors.newSingleThreadExecutor());
        selfTest = new DeviceSelfTest(List.of(receipt, a4, reader, scanner, pad), bus, printing::printOn, audit,
                Clock.systemUTC(), ZoneId.of("Asia/Shanghai"), TERMINAL, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        printing.close();
        receipt.close();
        sim.close();
        scheduler.shutdownNow();
    }

    @Test
    void theReceiptTestPageNamesTerminalDeviceAndTimeAndPrintsOnlyThere() throws Exception {
        SelfTestResult result = selfTest.run("receipt-1").get(30, TimeUnit.SECONDS);

        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(result.messageKey()).isEqualTo("maintenance.selftest.printed");
        String text = sim.lastDocument().orElseThrow().text();
        assertThat(text).contains(TERMINAL, "receipt-1", "打印测试页");
        assertThat(text).containsPattern("20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        assertThat(a4.jobs).as("a test page never falls back to the other printer").isEmpty();
        assertThat(audited).singleElement().asString().contains("maintenance-selftest", "receipt-1", "passed");
    }

    @Test
    void theA4TestPageIsAPdfForTheA4PrinterOnly() throws Exception {
        SelfTestResult result = selfTest.run("a4-1").get(60, TimeUnit.SECONDS);

        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(a4.jobs).singleElement().satisfies(job -> {
            assertThat(job.format()).isEqualTo(PrintJob.Format.PDF);
            assertThat(new String(job.data(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        });
        assertThat(sim.lastDocument()).isEmpty();
    }

    @Test
    void aPrinterWithoutPaperFailsItsTestWithTheReason() throws Exception {
        sim.command("fault " + SimulatedEscPosPrinter.COVER_OPEN);
        Await.until("the receipt printer unusable", Duration.ofSeconds(10), () -> !receipt.status().isUsable(),
                receipt::status);
        SelfTestResult result = selfTest.run("receipt-1").get(30, TimeUnit.SECONDS);

        assertThat(result.passed()).isFalse();
        assertThat(result.messageKey()).isEqualTo("maintenance.selftest.unusable");
        assertThat(result.shown()).isEqualTo(DeviceStatusDetail.COVER_OPEN.name());
        assertThat(audited).singleElement().asString().contains("failed");
    }

    @Test
    void aCardTestSwitchesReadingOnShowsTheCardMaskedAndSwitchesItOff() throws Exception {
        CompletableFuture<SelfTestResult> running = selfTest.run("idcard-1");
        assertThat(reader.reading).containsExactly(true);
        assertThat(running).isNotDone();
        bus.publish(new DeviceEvent.QrScanned("qr-1", Instant.now(), "not a card", DeviceEvent.ScanSource.SERIAL));
        bus.publish(new DeviceEvent.IdCardRead("idcard-1", Instant.now(), JourneyRig.card()));

        SelfTestResult result = running.get(5, TimeUnit.SECONDS);
        assertThat(result.passed()).isTrue();
        assertThat(result.shown()).contains(JourneyRig.card().maskedIdNumber())
                .doesNotContain(JourneyRig.ID_NUMBER, "张三丰");
        assertThat(reader.reading).containsExactly(true, false);
        assertThat(String.join("\n", audited)).doesNotContain(JourneyRig.ID_NUMBER, "张三丰");
    }

    @Test
    void aScanTestThatSeesNoCodeEndsAfterTheWaitAndStopsScanning() throws Exception {
        DeviceSelfTest quick = new DeviceSelfTest(List.of(scanner), bus, printing::printOn, audit, Clock.systemUTC(),
                ZoneId.of("Asia/Shanghai"), TERMINAL, Duration.ofMillis(300));
        SelfTestResult result = quick.run("qr-1").get(10, TimeUnit.SECONDS);

        assertThat(result.passed()).isFalse();
        assertThat(result.messageKey()).isEqualTo("maintenance.selftest.no-code");
        assertThat(scanner.reading).containsExactly(true, false);
    }

    @Test
    void aScannedCodeIsShownMaskedWithItsLength() throws Exception {
        CompletableFuture<SelfTestResult> running = selfTest.run("qr-1");
        bus.publish(new DeviceEvent.QrScanned("qr-1", Instant.now(), "ELIC-4401-9876543210", DeviceEvent.ScanSource.SERIAL));

        SelfTestResult result = running.get(5, TimeUnit.SECONDS);
        assertThat(result.passed()).isTrue();
        assertThat(result.shown()).contains("(20)").doesNotContain("9876543210");
    }

    @Test
    void thePadShowsATestRequestAndReportsTheKeyPressed() throws Exception {
        CompletableFuture<SelfTestResult> running = selfTest.run("pad-1");
        assertThat(pad.shown).hasSize(1);
        String requestId = pad.shown.get(0).requestId();
        bus.publish(new DeviceEvent.RatingEntered("pad-1", Instant.now(), "some-other-request", 1));
        assertThat(running).isNotDone();
        bus.publish(new DeviceEvent.RatingEntered("pad-1", Instant.now(), requestId, 4));

        SelfTestResult result = running.get(5, TimeUnit.SECONDS);
        assertThat(result).isEqualTo(new SelfTestResult("pad-1", true, "maintenance.selftest.rated", "4"));
    }

    @Test
    void anUnusableOrUnknownDeviceIsNotWaitedFor() throws Exception {
        pad.status = DeviceStatusInfo.offline(DeviceStatusDetail.DISPLAY_FAULT);
        assertThat(selfTest.run("pad-1").get(1, TimeUnit.SECONDS).messageKey())
                .isEqualTo("maintenance.selftest.unusable");
        assertThat(pad.shown).isEmpty();
        assertThat(selfTest.run("nope").get(1, TimeUnit.SECONDS).messageKey())
                .isEqualTo("maintenance.selftest.unknown-device");
    }
}
