package org.govkiosk.device.internal.driver.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
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
import org.govkiosk.device.testkit.SocatPtyPair;
import org.govkiosk.device.transport.SerialTransport;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 9600 baud receipt printer on a real pseudo-terminal (socat), the simulator reading at the line's rate: a
 * notice of about 1,000 bytes takes over a second on the wire, and the status request after it crosses the line
 * behind it. The wait for that status must follow the bytes and the baud rate (issue 19: such a notice printed
 * completely was reported failed and reprinted on A4).
 */
class ReceiptPrinterSlowLineTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int BAUD = 9600;

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final DeviceEventBus bus = new DeviceEventBus();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void aThousandByteNoticeAt9600BaudIsReportedPrinted() throws Exception {
        SimulatedEscPosPrinter sim = printerAt(BAUD);
        ReceiptPrinterDriver driver = driver(BAUD, Map.of());
        PrintJob job = notice("N-1");
        assertThat(job.data().length).isBetween(950, 1100);
        // What the driver allows for the job's bytes on the line: 10 bits a byte at 9600 baud, plus the margin.
        assertThat(driver.lineBacklog(job.data().length))
                .isEqualTo(Duration.ofNanos((job.data().length * 10L * 1_000_000L + BAUD - 1) / BAUD * 1_000L)
                        .plusMillis(500));

        PrintOutcome outcome = driver.print(job).get(30, TimeUnit.SECONDS);

        assertThat(outcome).as("a completely printed notice").isInstanceOf(DeviceEvent.PrintCompleted.class);
        PrintedDocument doc = sim.lastDocument().orElseThrow();
        assertThat(doc.lines()).containsExactlyElementsOf(lines("N-1"));
        assertThat(doc.torn()).isFalse();
        assertThat(driver.status().status()).isEqualTo(DeviceStatus.ONLINE);
    }

    /**
     * The same line with a driver that believes the line four times as fast as it is (19200 against 2400 baud,
     * as a wait that ignores the line speed does): the printed notice is reported failed. Shows the test above
     * can fail, and why the baud rate in devices.yaml must be the printer's.
     */
    @Test
    void aWaitThatDoesNotFollowTheLineReportsAPrintedNoticeFailed() throws Exception {
        SimulatedEscPosPrinter sim = printerAt(2400);
        ReceiptPrinterDriver driver = driver(19_200, Map.of("status-wait-margin", "0"));

        PrintOutcome outcome = driver.print(notice("N-2")).get(30, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(DeviceEvent.PrintFailed.class);
        assertThat(((DeviceEvent.PrintFailed) outcome).reason()).isEqualTo(DeviceStatusDetail.COMMUNICATION_ERROR);
        Await.until("the notice printed all the same", () -> sim.lastDocument().isPresent());
        assertThat(sim.lastDocument().orElseThrow().lines()).containsExactlyElementsOf(lines("N-2"));
    }

    /** A printer that stops answering in the middle of the job is still reported, after the line's time and the margin. */
    @Test
    void aPrinterThatFallsSilentMidJobIsReportedFailed() throws Exception {
        SimulatedEscPosPrinter sim = printerAt(BAUD);
        ReceiptPrinterDriver driver = driver(BAUD, Map.of());

        CompletableFuture<PrintOutcome> outcome = driver.print(notice("N-3"));
        Await.until("the first lines on the printer", () -> !sim.pendingElements().isEmpty());
        sim.inject(DeviceSimulator.SILENCE);

        // Bounded: the job's time on the line, the margin and the response timeout (about 2.5 s), with room.
        PrintOutcome failed = outcome.get(20, TimeUnit.SECONDS);
        assertThat(failed).isInstanceOf(DeviceEvent.PrintFailed.class);
        assertThat(((DeviceEvent.PrintFailed) failed).reason()).isEqualTo(DeviceStatusDetail.COMMUNICATION_ERROR);
        Await.until("the printer shown offline", Await.WAIT, () -> driver.status().status() == DeviceStatus.OFFLINE,
                driver::status);
        assertThat(sim.lastDocument()).as("nothing was cut").isEmpty();
    }

    private SimulatedEscPosPrinter printerAt(int baud) throws Exception {
        SocatPtyPair ptys = SocatPtyPair.start(dir);
        open.add(ptys);
        SimulatedEscPosPrinter sim = new SimulatedEscPosPrinter();
        sim.setLineSpeed(baud);
        sim.attach(new SerialTransport(dir.resolve("b").toString(), baud));
        open.add(sim);
        return sim;
    }

    private ReceiptPrinterDriver driver(int baud, Map<String, String> options) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("min-poll-interval", "3600000"));
        all.putAll(options);
        DeviceConfig config = new DeviceConfig("receipt-1", DeviceFamily.RECEIPT_PRINTER, null,
                TransportConfig.serial(dir.resolve("a").toString(), baud), true, Duration.ofHours(1),
                Duration.ofMinutes(5), all);
        ReceiptPrinterDriver driver = new ReceiptPrinterDriver(config,
                new SerialTransport(dir.resolve("a").toString(), baud),
                new DeviceContext(scheduler, bus, Clock.systemUTC()));
        open.add(driver);
        driver.start();
        Await.until("printer online", Await.WAIT, () -> driver.status().status() == DeviceStatus.ONLINE,
                driver::status);
        return driver;
    }

    private static List<String> lines(String id) {
        List<String> lines = new ArrayList<>(List.of("一次性告知书 " + id));
        for (int i = 1; i <= 30; i++) {
            lines.add("第" + i + "项 需补正材料：户口簿复印件");
        }
        return lines;
    }

    /** A one-time notification of about 1,000 bytes in GB18030, ended by a cut. */
    private static PrintJob notice(String id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1B, 0x40, 0x1C, 0x26});
        for (String line : lines(id)) {
            out.writeBytes(line.getBytes(GB18030));
            out.write('\n');
        }
        out.writeBytes(new byte[] {0x1B, 0x64, 3, 0x1D, 0x56, 0x42, 0});
        return new PrintJob(id, PrintJob.Format.ESC_POS, out.toByteArray());
    }
}
