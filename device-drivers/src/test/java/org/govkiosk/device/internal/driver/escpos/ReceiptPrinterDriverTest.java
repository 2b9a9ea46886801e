package org.govkiosk.device.internal.driver.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.PrintJob;
import org.govkiosk.device.PrintOutcome;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.internal.sim.escpos.PrintedDocument;
import org.govkiosk.device.internal.sim.escpos.SimulatedEscPosPrinter;
import org.govkiosk.testkit.Await;
import org.govkiosk.device.transport.PipeTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver against the simulated printer over an in-memory pipe: the real bytes, both ways. */
class ReceiptPrinterDriverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final DeviceEventBus bus = new DeviceEventBus();
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();
    private final SimulatedEscPosPrinter sim = new SimulatedEscPosPrinter();
    private ReceiptPrinterDriver driver;

    @BeforeEach
    void connect() throws DeviceException {
        bus.onEvent(events::add);
        PipeTransport[] pipe = PipeTransport.pair("receipt");
        sim.attach(pipe[1]);
        // Fast polls and a short timeout keep the test quick; small chunks make every job several writes.
        DeviceConfig config = new DeviceConfig("receipt-1", DeviceFamily.RECEIPT_PRINTER, null,
                TransportConfig.simulator(), true, Duration.ofMillis(20), null,
                Map.of("min-poll-interval", "20", "response-timeout", "300", "chunk-size", "32"));
        driver = new ReceiptPrinterDriver(config, pipe[0], new DeviceContext(scheduler, bus, Clock.systemUTC()));
        driver.start();
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
    }

    @AfterEach
    void disconnect() {
        driver.close();
        sim.close();
        scheduler.shutdownNow();
    }

    @Test
    void printsAWholeReceiptAndPublishesTheOutcome() throws Exception {
        PrintOutcome outcome = print(job("R-1", 4));

        assertThat(outcome).isEqualTo(completed(outcome, "R-1"));
        PrintedDocument doc = sim.lastDocument().orElseThrow();
        assertThat(doc.lines()).containsExactlyElementsOf(lines("R-1", 4));
        assertThat(doc.qrPayloads()).containsExactly(qr("R-1"));
        assertThat(doc.torn()).isFalse();
        assertThat(doc.problems()).isEmpty();
        assertThat(events).contains((DeviceEvent) outcome);
        assertThat(driver.status().status()).isEqualTo(DeviceStatus.ONLINE);
    }

    @Test
    void paperNearEndDegradesTheStatusAndStillPrints() throws Exception {
        sim.inject(SimulatedEscPosPrinter.PAPER_NEAR_END);
        awaitStatus(DeviceStatus.DEGRADED, DeviceStatusDetail.PAPER_NEAR_END);

        PrintOutcome outcome = print(job("R-2", 2));

        assertThat(outcome).isInstanceOf(DeviceEvent.PrintCompleted.class);
        assertThat(sim.lastDocument().orElseThrow().lines()).containsExactlyElementsOf(lines("R-2", 2));
        assertThat(driver.status().status()).isEqualTo(DeviceStatus.DEGRADED);
    }

    @Test
    void paperOutTakesThePrinterOfflineAndJobsAreRefusedUntilANewRoll() throws Exception {
        sim.inject(SimulatedEscPosPrinter.PAPER_OUT);
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.PAPER_OUT);
        // The link is fine: the supervisor must not reconnect, the driver keeps polling.
        assertThat(driver.lastFailure()).isEmpty();

        PrintOutcome refused = print(job("R-3", 3));

        assertThat(refused).isEqualTo(failed(refused, "R-3", DeviceStatusDetail.PAPER_OUT));
        assertThat(events).contains((DeviceEvent) refused);
        assertThat(sim.printedDocuments()).isEmpty();
        assertThat(sim.pendingElements()).isEmpty();

        sim.clear(SimulatedEscPosPrinter.PAPER_OUT);
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
        assertThat(print(job("R-3", 3))).isInstanceOf(DeviceEvent.PrintCompleted.class);
    }

    @Test
    void paperEndingMidJobFailsRetryablyAndTheRetryPrintsTheWholeReceipt() throws Exception {
        sim.setLinesBeforePaperEnd(2);
        sim.inject(SimulatedEscPosPrinter.PAPER_OUT_MID_JOB);

        PrintOutcome first = print(job("R-4", 6));

        assertThat(first).isEqualTo(failed(first, "R-4", DeviceStatusDetail.PAPER_OUT));
        assertThat(driver.status().status()).isEqualTo(DeviceStatus.OFFLINE);
        assertThat(driver.status().detail()).isEqualTo(DeviceStatusDetail.PAPER_OUT);
        PrintedDocument torn = sim.lastDocument().orElseThrow();
        assertThat(torn.torn()).isTrue();
        assertThat(torn.lines()).containsExactlyElementsOf(lines("R-4", 6).subList(0, 2));

        sim.clear(SimulatedEscPosPrinter.PAPER_OUT);
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
        PrintOutcome retry = print(job("R-4", 6));

        assertThat(retry).isEqualTo(completed(retry, "R-4"));
        PrintedDocument whole = sim.lastDocument().orElseThrow();
        assertThat(whole.torn()).isFalse();
        assertThat(whole.lines()).containsExactlyElementsOf(lines("R-4", 6));
        assertThat(whole.qrPayloads()).containsExactly(qr("R-4"));
        assertThat(sim.printedDocuments()).hasSize(2);
    }

    @Test
    void anOpenCoverTakesThePrinterOfflineAndRefusesJobs() throws Exception {
        sim.inject(SimulatedEscPosPrinter.COVER_OPEN);
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.COVER_OPEN);

        PrintOutcome refused = print(job("R-5", 1));

        assertThat(refused).isEqualTo(failed(refused, "R-5", DeviceStatusDetail.COVER_OPEN));
        assertThat(sim.printedDocuments()).isEmpty();
    }

    @Test
    void aCutterErrorAndAPlainOfflineEachHaveTheirDetail() {
        sim.inject(SimulatedEscPosPrinter.CUTTER_ERROR);
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.CUTTER_ERROR);
        sim.clear(SimulatedEscPosPrinter.CUTTER_ERROR);
        sim.inject(SimulatedEscPosPrinter.OFFLINE);
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.PRINTER_OFFLINE);
        sim.clear(SimulatedEscPosPrinter.OFFLINE);
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
    }

    @Test
    void aSilentPrinterFailsTheJobWithACommunicationErrorAndTheLinkGoesDown() throws Exception {
        sim.inject(DeviceSimulator.SILENCE);

        PrintOutcome outcome = print(job("R-6", 2));

        assertThat(outcome).isEqualTo(failed(outcome, "R-6", DeviceStatusDetail.COMMUNICATION_ERROR));
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.COMMUNICATION_ERROR);
        DeviceException failure = driver.lastFailure().orElseThrow();
        assertThat(failure.code()).isEqualTo(DeviceException.Code.TIMEOUT);
        assertThat(failure.isFatal()).isFalse();

        // What the supervisor does after its backoff:
        sim.clear(DeviceSimulator.SILENCE);
        driver.reconnect();
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
        assertThat(print(job("R-6", 2))).isInstanceOf(DeviceEvent.PrintCompleted.class);
    }

    @Test
    void anUnpluggedPrinterFailsJobsAsDisconnected() throws Exception {
        sim.inject(DeviceSimulator.UNPLUG);
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.DISCONNECTED);

        PrintOutcome outcome = print(job("R-7", 1));

        assertThat(outcome).isEqualTo(failed(outcome, "R-7", DeviceStatusDetail.DISCONNECTED));
    }

    @Test
    void aPdfJobIsRejectedWithoutRetryAndNothingIsSent() throws Exception {
        PrintOutcome outcome = print(new PrintJob("D-1", PrintJob.Format.PDF,
                "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));

        assertThat(outcome).isEqualTo(new DeviceEvent.PrintFailed("receipt-1", ((DeviceEvent) outcome).at(), "D-1",
                DeviceStatusDetail.CONFIGURATION_ERROR, false));
        assertThat(events).contains((DeviceEvent) outcome);
        assertThat(sim.printedDocuments()).isEmpty();
        assertThat(sim.pendingElements()).isEmpty();
    }

    @Test
    void jobsSubmittedTogetherPrintOneAfterAnotherNeverInterleaved() throws Exception {
        List<CompletableFuture<PrintOutcome>> futures = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            futures.add(driver.print(job("J-" + i, 5)));
        }
        for (CompletableFuture<PrintOutcome> f : futures) {
            assertThat(f.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(DeviceEvent.PrintCompleted.class);
        }

        List<PrintedDocument> docs = sim.printedDocuments();
        assertThat(docs).hasSize(5);
        for (int i = 1; i <= 5; i++) {
            assertThat(docs.get(i - 1).lines()).containsExactlyElementsOf(lines("J-" + i, 5));
            assertThat(docs.get(i - 1).qrPayloads()).containsExactly(qr("J-" + i));
        }
    }

    private PrintOutcome print(PrintJob job) throws Exception {
        return driver.print(job).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private void awaitStatus(DeviceStatus status, DeviceStatusDetail detail) {
        Await.until("status " + status + "/" + detail, WAIT,
                () -> driver.status().status() == status && driver.status().detail() == detail, driver::status);
    }

    private static DeviceEvent.PrintCompleted completed(PrintOutcome actual, String jobId) {
        return new DeviceEvent.PrintCompleted("receipt-1", ((DeviceEvent) actual).at(), jobId);
    }

    private static DeviceEvent.PrintFailed failed(PrintOutcome actual, String jobId, DeviceStatusDetail reason) {
        return new DeviceEvent.PrintFailed("receipt-1", ((DeviceEvent) actual).at(), jobId, reason, true);
    }

    private static List<String> lines(String jobId, int count) {
        List<String> lines = new ArrayList<>(List.of("受理回执 " + jobId));
        IntStream.rangeClosed(1, count).forEach(i -> lines.add("第" + i + "行 材料清单 " + jobId));
        return lines;
    }

    private static String qr(String jobId) {
        return "https://zwfw.example.gov.cn/q?c=" + jobId;
    }

    /** An acceptance receipt: title, {@code count} lines, a QR code and a cut, in Chinese mode. */
    private static PrintJob job(String jobId, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1B, 0x40, 0x1C, 0x26});
        for (String line : lines(jobId, count)) {
            out.writeBytes(line.getBytes(GB18030));
            out.write('\n');
        }
        byte[] data = qr(jobId).getBytes(StandardCharsets.UTF_8);
        out.writeBytes(new byte[] {0x1D, 0x28, 0x6B, (byte) (data.length + 3), 0, 0x31, 0x50, 0x30});
        out.writeBytes(data);
        out.writeBytes(new byte[] {0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x51, 0x30});
        out.writeBytes(new byte[] {0x1B, 0x64, 3, 0x1D, 0x56, 0x42, 0});
        return new PrintJob(jobId, PrintJob.Format.ESC_POS, out.toByteArray());
    }
}
