package org.govkiosk.device.internal.driver.qr;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.sim.qr.SimulatedQrScanner;
import org.govkiosk.testkit.Await;
import org.govkiosk.testkit.MutableClock;
import org.govkiosk.device.transport.PipeTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The driver against the simulated engine over an in-memory pipe. "No event" is checked without sleeping: a
 * second, different scan is sent after the one that must not be published; the pipe keeps order, so once the
 * second arrives the first had its chance.
 */
class SerialQrScannerDriverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final MutableClock clock = new MutableClock();
    private final DeviceEventBus bus = new DeviceEventBus();
    private final BlockingQueue<DeviceEvent.QrScanned> scans = new LinkedBlockingQueue<>();
    private final SerialQrScannerDriverFactory factory = new SerialQrScannerDriverFactory();
    private SimulatedQrScanner sim;
    private SerialQrScannerDriver driver;

    /** Driver and simulator from the factory, as the registry builds them. */
    private void connect(Map<String, String> options) throws DeviceException {
        DeviceConfig config = new DeviceConfig("qr-1", DeviceFamily.QR_SCANNER, null, TransportConfig.simulator(),
                true, null, null, options);
        assertThat(factory.validate(config)).isEmpty();
        bus.onEvent(e -> {
            if (e instanceof DeviceEvent.QrScanned s) {
                scans.add(s);
            }
        });
        PipeTransport[] pipe = PipeTransport.pair("qr");
        sim = (SimulatedQrScanner) factory.simulator(config).orElseThrow();
        sim.attach(pipe[1]);
        driver = (SerialQrScannerDriver) factory.create(config, pipe[0], new DeviceContext(scheduler, bus, clock));
        driver.start();
        Await.until("scanner online", WAIT, () -> driver.status().status() == DeviceStatus.ONLINE, driver::status);
    }

    @AfterEach
    void disconnect() {
        if (driver != null) {
            driver.close();
            sim.close();
        }
        scheduler.shutdownNow();
    }

    private DeviceEvent.QrScanned next() throws InterruptedException {
        DeviceEvent.QrScanned s = scans.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(s).as("a scan within " + WAIT).isNotNull();
        return s;
    }

    @Test
    void isOnlineAtOnceWithoutSilenceCheckAndPublishesAScan() throws Exception {
        connect(Map.of());
        assertThat(driver.silenceTimeout()).isEqualTo(Duration.ZERO);
        driver.setReadingEnabled(true);

        sim.scan("ZW2026-0001");

        assertThat(next()).isEqualTo(new DeviceEvent.QrScanned("qr-1", clock.instant(), "ZW2026-0001",
                DeviceEvent.ScanSource.SERIAL));
    }

    @Test
    void theSameCodeWithinTheWindowIsPublishedOnceAndAgainAfterIt() throws Exception {
        connect(Map.of());
        driver.setReadingEnabled(true);

        sim.scan("CODE-A");
        assertThat(next().payload()).isEqualTo("CODE-A");
        clock.advance(Duration.ofMillis(500));
        sim.scan("CODE-A");
        sim.scan("CODE-B");
        assertThat(next().payload()).isEqualTo("CODE-B");

        clock.advance(Duration.ofMillis(1600));
        sim.scan("CODE-A");
        assertThat(next().payload()).isEqualTo("CODE-A");
        assertThat(scans).isEmpty();
    }

    @Test
    void aCodeHeldInFrontOfTheEngineStaysOneScan() throws Exception {
        ListAppender<ILoggingEvent> log = captureDriverLog();
        try {
            connect(Map.of("debounce", "1000"));
            driver.setReadingEnabled(true);

            sim.scan("HELD");
            assertThat(next().payload()).isEqualTo("HELD");
            for (int i = 1; i <= 4; i++) {
                clock.advance(Duration.ofMillis(700)); // within the window of the read before, not of the first
                sim.scan("HELD");
                int repeats = i;
                // The clock may move again only once the driver has read this repeat.
                Await.until(repeats + " repeats dropped", WAIT, () -> messages(log).stream()
                        .filter(m -> m.contains("not published")).count() == repeats, () -> messages(log));
            }
            sim.scan("OTHER");

            assertThat(next().payload()).isEqualTo("OTHER");
            assertThat(scans).isEmpty();
        } finally {
            release(log);
        }
    }

    @Test
    void nothingIsPublishedWhileReadingIsDisabled() throws Exception {
        ListAppender<ILoggingEvent> log = captureDriverLog();
        try {
            connect(Map.of());

            sim.scan("WHILE-OFF");
            // The driver's own note that it ignored a scan: only then may reading be switched on.
            Await.until("the driver ignored the scan", WAIT,
                    () -> messages(log).stream().anyMatch(m -> m.contains("reading is off")));
            driver.setReadingEnabled(true);
            sim.scan("WHILE-ON");

            assertThat(next().payload()).isEqualTo("WHILE-ON");
            assertThat(scans).isEmpty();
        } finally {
            release(log);
        }
    }

    @Test
    void enablingAgainStartsAfreshForTheSameCode() throws Exception {
        connect(Map.of());
        driver.setReadingEnabled(true);
        sim.scan("SAME");
        assertThat(next().payload()).isEqualTo("SAME");

        driver.setReadingEnabled(false);
        driver.setReadingEnabled(true);
        sim.scan("SAME");

        assertThat(next().payload()).isEqualTo("SAME");
    }

    @Test
    void aGb18030EngineWithAimIdentifiersAndCrlf() throws Exception {
        connect(Map.of("terminator", "CRLF", "aim-prefix", "true", "charset", "gb18030"));
        driver.setReadingEnabled(true);

        sim.scan("电子社保卡:粤A1234567");

        assertThat(next().payload()).isEqualTo("电子社保卡:粤A1234567");
    }

    @Test
    void withoutTerminatorTheGapEndsTheScan() throws Exception {
        connect(Map.of("terminator", "none", "inter-byte-gap", "30"));
        driver.setReadingEnabled(true);

        sim.scan("NO-TERMINATOR");
        assertThat(next().payload()).isEqualTo("NO-TERMINATOR");
        sim.scan("SECOND");
        assertThat(next().payload()).isEqualTo("SECOND");
    }

    @Test
    void anOverLongScanIsDroppedAndTheNextOneStillWorks() throws Exception {
        connect(Map.of("max-length", "16"));
        driver.setReadingEnabled(true);

        sim.scan("X".repeat(40));
        sim.scan("SHORT");

        assertThat(next().payload()).isEqualTo("SHORT");
        assertThat(scans).isEmpty();
    }

    @Test
    void payloadsNeverReachTheLogOnlyTheirLength() throws Exception {
        ListAppender<ILoggingEvent> log = captureDriverLog();
        try {
            connect(Map.of());
            String idNumber = "110101199003070038";
            sim.scan(idNumber);                  // reading off (or just switched on): ignored or published
            driver.setReadingEnabled(true);
            sim.scan(idNumber);                  // published, or a repeat of the one before
            sim.scan(idNumber);                  // repeat: not published
            sim.scan("END");
            assertThat(next().payload()).isEqualTo(idNumber);
            assertThat(next().payload()).isEqualTo("END");

            assertThat(messages(log))
                    .noneMatch(m -> m.contains(idNumber) || m.contains("199003"))
                    .anyMatch(m -> m.contains("18 characters"));
        } finally {
            release(log);
        }
    }

    /** Records everything the device layer logs, debug included. */
    private static ListAppender<ILoggingEvent> captureDriverLog() {
        Logger logger = (Logger) LoggerFactory.getLogger("org.govkiosk.device");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        return appender;
    }

    /** A copy taken under the appender's lock: the reader thread appends while the test reads. */
    private static java.util.List<String> messages(ListAppender<ILoggingEvent> appender) {
        synchronized (appender) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        Logger logger = (Logger) LoggerFactory.getLogger("org.govkiosk.device");
        logger.detachAppender(appender);
        logger.setLevel(null);
    }
}
