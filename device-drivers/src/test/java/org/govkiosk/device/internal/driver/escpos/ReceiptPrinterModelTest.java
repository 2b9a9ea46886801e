package org.govkiosk.device.internal.driver.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.govkiosk.device.internal.codec.escpos.EscPosStreamParser;
import org.govkiosk.device.internal.codec.escpos.PrintedElement;
import org.govkiosk.device.internal.codec.escpos.StatusBitMap;
import org.govkiosk.device.internal.codec.escpos.StatusRequest;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.sim.escpos.PrintedDocument;
import org.govkiosk.device.internal.sim.escpos.SimulatedEscPosPrinter;
import org.govkiosk.device.transport.PipeTransport;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Printer models as they are (issue 19): a model that ignores {@code DLE EOT 3}, models with GBK or GB2312 only,
 * without {@code FS &}, without {@code GS ( k}. The driver talks to the simulator over a pipe; the bytes that reach
 * the printer are read back with the production ESC/POS parser.
 */
class ReceiptPrinterModelTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final DeviceEventBus bus = new DeviceEventBus();
    private final List<AutoCloseable> open = new ArrayList<>();
    /** Every byte the driver wrote to the printer, as the printer read it. */
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void aModelThatIgnoresDleEot3IsOnlineWhenItsModelLeavesN3Out() throws Exception {
        SimulatedEscPosPrinter sim = printer(false, Set.of(StatusRequest.PRINTER, StatusRequest.OFFLINE_CAUSE,
                StatusRequest.PAPER_SENSOR));
        ReceiptPrinterDriver driver = driver(sim, Map.of("status-queries", "1,2,4"));

        Await.until("online", Duration.ofSeconds(10), () -> driver.status().status() == DeviceStatus.ONLINE,
                driver::status);
        assertThat(print(driver, receipt("M-1", "受理回执"))).isInstanceOf(DeviceEvent.PrintCompleted.class);
        assertThat(sim.lastDocument().orElseThrow().lines()).containsExactly("受理回执");
        assertThat(statusQueries()).as("n=3 never asked").doesNotContain(3).contains(1, 2, 4);

        // The paper sensor (n=4) still speaks: paper out is seen without n=3.
        sim.inject(SimulatedEscPosPrinter.PAPER_OUT);
        Await.until("paper out", Duration.ofSeconds(10),
                () -> driver.status().detail() == DeviceStatusDetail.PAPER_OUT, driver::status);
    }

    /** The same model with all four asked, as before issue 19: it never comes online. */
    @Test
    void aModelThatIgnoresDleEot3StaysOfflineWhenN3IsAsked() throws Exception {
        SimulatedEscPosPrinter sim = printer(false, Set.of(StatusRequest.PRINTER, StatusRequest.OFFLINE_CAUSE,
                StatusRequest.PAPER_SENSOR));
        ReceiptPrinterDriver driver = driver(sim, Map.of());

        Await.until("offline", Duration.ofSeconds(10), () -> driver.status().status() == DeviceStatus.OFFLINE,
                driver::status);
        assertThat(driver.status().detail()).isEqualTo(DeviceStatusDetail.COMMUNICATION_ERROR);
        assertThat(driver.lastFailure()).get().asString().contains("DLE EOT 3", "status-queries");
    }

    @Test
    void aGb2312ModelPrintsWhatItHasAndAVisibleReplacementForTheRest() throws Exception {
        SimulatedEscPosPrinter sim = printer(false, Set.of(StatusRequest.values()));
        ReceiptPrinterDriver driver = driver(sim, Map.of("encoding", "GB2312"));
        awaitOnline(driver);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ReceiptPrinterDriver.class);
        logger.addAppender(log);
        open.add(() -> logger.detachAppender(log));

        // 镕 (U+9555) is in GBK, not GB2312; 𠮷 (U+20BB7) is in GB18030 only (four bytes).
        assertThat(print(driver, receipt("M-2", "申请人：朱镕基 𠮷祥 No.1"))).isInstanceOf(
                DeviceEvent.PrintCompleted.class);

        assertThat(sim.lastDocument().orElseThrow().lines()).containsExactly("申请人：朱□基 □祥 No.1");
        assertThat(containsBytes(wire.toByteArray(), "镕".getBytes(GB18030))).isFalse();
        assertThat(containsBytes(wire.toByteArray(), "𠮷".getBytes(GB18030))).isFalse();
        // Logged once for the job, counted, never named: they are a citizen's name here.
        assertThat(log.list).filteredOn(e -> e.getFormattedMessage().contains("M-2")
                && e.getFormattedMessage().contains("not in the model's")).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("2 character(s)", "GB2312", "□")
                        .doesNotContain("镕").doesNotContain("𠮷").doesNotContain("朱"));
    }

    @Test
    void aGbkModelPrintsGbkCharactersAndReplacesOnlyTheOthersWithTheConfiguredGlyph() throws Exception {
        SimulatedEscPosPrinter sim = printer(false, Set.of(StatusRequest.values()));
        ReceiptPrinterDriver driver = driver(sim, Map.of("encoding", "GBK", "replacement", "?"));
        awaitOnline(driver);

        print(driver, receipt("M-3", "朱镕基 𠮷祥"));

        assertThat(sim.lastDocument().orElseThrow().lines()).containsExactly("朱镕基 ?祥");
    }

    @Test
    void aModelWithoutFsAmpersandGetsNoneAndStillPrintsChinese() throws Exception {
        // Such a model is in Chinese mode from power-up and would print "FS &" as text.
        SimulatedEscPosPrinter sim = printer(true, Set.of(StatusRequest.values()));
        ReceiptPrinterDriver driver = driver(sim, Map.of("chinese-mode-command", "false"));
        awaitOnline(driver);

        print(driver, receipt("M-4", "一次性告知书"));

        assertThat(sim.lastDocument().orElseThrow().lines()).containsExactly("一次性告知书");
        assertThat(containsBytes(wire.toByteArray(), new byte[] {0x1C, 0x26})).isFalse();
    }

    @Test
    void aModelWithoutGsParenKGetsTheQrCodeAsARasterImageThatScansToThePayload() throws Exception {
        SimulatedEscPosPrinter sim = printer(false, Set.of(StatusRequest.values()));
        ReceiptPrinterDriver driver = driver(sim, Map.of("qr", "raster", "print-width-dots", "384"));
        awaitOnline(driver);
        String payload = "https://zwfw.example.gov.cn/q?c=M-5";

        print(driver, receipt("M-5", "受理回执", payload));

        PrintedDocument doc = sim.lastDocument().orElseThrow();
        assertThat(doc.qrPayloads()).as("no GS ( k reached the printer").isEmpty();
        assertThat(doc.images()).isNotEmpty();
        assertThat(doc.images()).allSatisfy(i -> assertThat(i.widthDots()).isLessThanOrEqualTo(384));
        assertThat(scanRasters(wire.toByteArray())).isEqualTo(payload);
    }

    private SimulatedEscPosPrinter printer(boolean chineseAtStart, Set<StatusRequest> answered) throws Exception {
        SimulatedEscPosPrinter sim = new SimulatedEscPosPrinter(StatusBitMap.generic(), chineseAtStart, 3, answered);
        PipeTransport[] pipe = PipeTransport.pair("receipt");
        // The printer's end records what it reads before the simulator prints it.
        sim.attach(new RecordingTransport(pipe[1], wire));
        open.add(sim);
        this.pipeHostEnd = pipe[0];
        return sim;
    }

    private PipeTransport pipeHostEnd;

    private ReceiptPrinterDriver driver(SimulatedEscPosPrinter sim, Map<String, String> options) {
        Map<String, String> all = new HashMap<>(Map.of("min-poll-interval", "20", "response-timeout", "300"));
        all.putAll(options);
        DeviceConfig config = new DeviceConfig("receipt-1", DeviceFamily.RECEIPT_PRINTER, null,
                TransportConfig.simulator(), true, Duration.ofMillis(20), null, all);
        ReceiptPrinterDriver driver = new ReceiptPrinterDriver(config, pipeHostEnd,
                new DeviceContext(scheduler, bus, Clock.systemUTC()));
        open.add(driver);
        driver.start();
        return driver;
    }

    private static void awaitOnline(ReceiptPrinterDriver driver) {
        Await.until("online", Duration.ofSeconds(10), () -> driver.status().status() == DeviceStatus.ONLINE,
                driver::status);
    }

    private static PrintOutcome print(ReceiptPrinterDriver driver, PrintJob job) throws Exception {
        return driver.print(job).get(10, TimeUnit.SECONDS);
    }

    private List<Integer> statusQueries() {
        List<Integer> ns = new ArrayList<>();
        for (PrintedElement e : EscPosStreamParser.parse(wire.toByteArray())) {
            if (e instanceof PrintedElement.StatusQuery q) {
                ns.add(q.request().n());
            }
        }
        return ns;
    }

    /** What the renderer sends: ESC @, FS &, a GB18030 line, optionally a GS ( k QR code, a cut. */
    private static PrintJob receipt(String id, String line, String... qr) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1B, 0x40, 0x1C, 0x26});
        out.writeBytes(line.getBytes(GB18030));
        out.write('\n');
        for (String payload : qr) {
            byte[] data = payload.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(new byte[] {0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x43, 6});
            out.writeBytes(new byte[] {0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x45, 0x31});
            out.writeBytes(new byte[] {0x1D, 0x28, 0x6B, (byte) (data.length + 3), 0, 0x31, 0x50, 0x30});
            out.writeBytes(data);
            out.writeBytes(new byte[] {0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x51, 0x30});
        }
        out.writeBytes(new byte[] {0x1B, 0x64, 3, 0x1D, 0x56, 0x42, 0});
        return new PrintJob(id, PrintJob.Format.ESC_POS, out.toByteArray());
    }

    /** Decodes the GS v 0 bands of the stream, stacked, as one picture with ZXing. */
    static String scanRasters(byte[] stream) throws Exception {
        List<int[]> rows = new ArrayList<>();
        int width = 0;
        for (EscPosStreamParser.Span s : EscPosStreamParser.spans(stream, false)) {
            int o = s.offset();
            if (s.length() > 8 && stream[o] == 0x1D && stream[o + 1] == 'v' && stream[o + 2] == '0') {
                int xBytes = (stream[o + 4] & 0xFF) | (stream[o + 5] & 0xFF) << 8;
                int h = (stream[o + 6] & 0xFF) | (stream[o + 7] & 0xFF) << 8;
                width = xBytes * 8;
                for (int y = 0; y < h; y++) {
                    int[] row = new int[width];
                    for (int x = 0; x < width; x++) {
                        boolean black = (stream[o + 8 + y * xBytes + x / 8] & (0x80 >> (x % 8))) != 0;
                        row[x] = black ? 0xFF000000 : 0xFFFFFFFF;
                    }
                    rows.add(row);
                }
            }
        }
        // White border around the printed symbol, as the paper gives it.
        int pad = 16;
        int w = width + 2 * pad;
        int h = rows.size() + 2 * pad;
        int[] pixels = new int[w * h];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        for (int y = 0; y < rows.size(); y++) {
            System.arraycopy(rows.get(y), 0, pixels, (y + pad) * w + pad, width);
        }
        LuminanceSource source = new RGBLuminanceSource(w, h, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    private static boolean containsBytes(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
