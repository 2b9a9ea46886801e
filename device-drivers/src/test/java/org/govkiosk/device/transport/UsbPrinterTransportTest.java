package org.govkiosk.device.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import org.govkiosk.device.internal.driver.escpos.ReceiptPrinterDriverFactory;
import org.govkiosk.device.ReceiptPrinter;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.internal.sim.escpos.SimulatedEscPosPrinter;
import org.govkiosk.device.testkit.SocatPtyPair;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receipt printer of the USB printer class ({@code transport: usb}, {@code /dev/usb/lp*}): the transport opens the
 * device node as a file, no line settings. A pseudo-terminal of a socat pair stands in for the node, the printer
 * simulator at its other end: a bidirectional printer reports its status through it; one that sends nothing back
 * prints blind with {@code status-queries: none}.
 */
class UsbPrinterTransportTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final java.util.List<AutoCloseable> open = new java.util.ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void aBidirectionalUsbPrinterPrintsAndReportsItsPaper() throws Exception {
        SimulatedEscPosPrinter sim = printer();
        ReceiptPrinter driver = driver(Map.of());
        awaitStatus(driver, DeviceStatus.ONLINE, DeviceStatusDetail.NONE);

        PrintOutcome outcome = driver.print(job("U-1", "受理回执 U-1")).get(10, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(DeviceEvent.PrintCompleted.class);
        assertThat(sim.lastDocument().orElseThrow().lines()).containsExactly("受理回执 U-1");
        sim.inject(SimulatedEscPosPrinter.PAPER_OUT);
        awaitStatus(driver, DeviceStatus.OFFLINE, DeviceStatusDetail.PAPER_OUT);

        // Closing wakes the reader blocked on the node: no thread is left behind per reconnect.
        driver.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(th -> th.isAlive()
                && th.getName().startsWith("usblp-reader-"));
    }

    @Test
    void aUsbPrinterThatSendsNothingBackPrintsBlindWithStatusQueriesNone() throws Exception {
        SimulatedEscPosPrinter sim = printer();
        sim.inject(DeviceSimulator.SILENCE);
        ReceiptPrinter silentAsked = driver(Map.of("min-poll-interval", "50"));
        awaitStatus(silentAsked, DeviceStatus.OFFLINE, DeviceStatusDetail.COMMUNICATION_ERROR);
        silentAsked.close();
        sim.clear(DeviceSimulator.SILENCE);
        // The same printer, now one without a read channel: it reads and prints, it never answers.
        SimulatedEscPosPrinter blind = new SimulatedEscPosPrinter(
                org.govkiosk.device.internal.codec.escpos.StatusBitMap.generic(), false, 3, java.util.Set.of());
        open.add(blind);
        sim.close();
        blind.attach(new SerialTransport(dir.resolve("b").toString(), 115_200));

        ReceiptPrinter driver = driver(Map.of("status-queries", "none"));
        awaitStatus(driver, DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
        PrintOutcome outcome = driver.print(job("U-2", "一次性告知书 U-2")).get(10, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(DeviceEvent.PrintCompleted.class);
        Await.until("the page printed", () -> blind.lastDocument().isPresent());
        assertThat(blind.lastDocument().orElseThrow().lines()).containsExactly("一次性告知书 U-2");
    }

    @Test
    void aMissingNodeSaysSoAndAnUnpluggedOneIsReportedOnce() throws Exception {
        DeviceException missing = catchThrowableOfType(DeviceException.class,
                () -> new UsbPrinterTransport(dir.resolve("lp9").toString()).open(new TransportListener() {
                    @Override
                    public void onData(byte[] data) {
                    }

                    @Override
                    public void onDisconnected(DeviceException cause) {
                    }
                }));
        assertThat(missing.detail()).isEqualTo(DeviceStatusDetail.PORT_NOT_FOUND);
        assertThat(missing.getMessage()).contains("lp9").contains("usblp");

        SocatPtyPair ptys = SocatPtyPair.start(dir);
        open.add(ptys);
        java.util.List<DeviceException> losses = new java.util.concurrent.CopyOnWriteArrayList<>();
        UsbPrinterTransport t = new UsbPrinterTransport(ptys.a().toString());
        open.add(t);
        t.open(new TransportListener() {
            @Override
            public void onData(byte[] data) {
            }

            @Override
            public void onDisconnected(DeviceException cause) {
                losses.add(cause);
            }
        });
        ptys.kill();
        Await.until("the loss reported", Duration.ofSeconds(10), () -> !losses.isEmpty());
        assertThat(losses).singleElement().satisfies(e -> assertThat(e.detail())
                .isEqualTo(DeviceStatusDetail.DISCONNECTED));
        assertThat(t.isOpen()).isFalse();
    }

    private SimulatedEscPosPrinter printer() throws Exception {
        SocatPtyPair ptys = SocatPtyPair.start(dir);
        open.add(ptys);
        SimulatedEscPosPrinter sim = new SimulatedEscPosPrinter();
        sim.attach(new SerialTransport(ptys.b().toString(), 115_200));
        open.add(sim);
        return sim;
    }

    /** The printer as the registry builds it from config: usb transport, the node's path as port. */
    private ReceiptPrinter driver(Map<String, String> options) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(Map.of("response-timeout", "500"));
        all.putAll(options);
        DeviceConfig config = new DeviceConfig("receipt-usb", DeviceFamily.RECEIPT_PRINTER, null,
                TransportConfig.usb(dir.resolve("a").toString()), true, Duration.ofMillis(50), null, all);
        ReceiptPrinterDriverFactory factory = new ReceiptPrinterDriverFactory();
        assertThat(factory.validate(config)).isEmpty();
        ReceiptPrinter driver = (ReceiptPrinter) factory.create(config, Transports.create(config.transport()),
                new DeviceContext(scheduler, new DeviceEventBus(), Clock.systemUTC()));
        open.add(driver);
        driver.start();
        return driver;
    }

    private static void awaitStatus(ReceiptPrinter driver, DeviceStatus status, DeviceStatusDetail detail) {
        Await.until(status + "/" + detail, Duration.ofSeconds(10),
                () -> driver.status().status() == status && driver.status().detail() == detail, driver::status);
    }

    private static PrintJob job(String id, String line) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1B, 0x40, 0x1C, 0x26});
        out.writeBytes(line.getBytes(GB18030));
        out.write('\n');
        out.writeBytes(new byte[] {0x1B, 0x64, 3, 0x1D, 0x56, 0x42, 0});
        return new PrintJob(id, PrintJob.Format.ESC_POS, out.toByteArray());
    }
}
