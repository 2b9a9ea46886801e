package org.govkiosk.device.internal.driver.camera;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusChanged;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.testkit.Await;
import org.govkiosk.testkit.SkipAheadClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The camera driver on a real folder watched by its own thread: pictures in, QrScanned events out. */
class CameraQrScannerDriverTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String LICENCE = "ESSC|E3301000000123456789|2025-03-18T09:42|9f3a";

    @TempDir
    Path tmp;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DeviceEventBus bus = new DeviceEventBus();
    /** Real time, so the folder's files settle; a debounce window is skipped over, not waited out. */
    private final SkipAheadClock clock = new SkipAheadClock();
    private final List<DeviceEvent.QrScanned> scans = new CopyOnWriteArrayList<>();
    private final List<DeviceStatusChanged> changes = new CopyOnWriteArrayList<>();
    private CameraQrScannerDriver driver;
    private Path folder;

    private CameraQrScannerDriver start(Path watched, Map<String, String> extra) {
        folder = watched;
        // Moved to done/ (not the default delete): these tests watch done/ to see what was taken.
        Map<String, String> options = new java.util.HashMap<>(Map.of("folder", watched.toString(), "settle", "100",
                "processed", "move"));
        options.putAll(extra);
        DeviceConfig config = new DeviceConfig("cam-1", DeviceFamily.QR_SCANNER, CameraFolderSettings.MODEL,
                new TransportConfig(TransportConfig.Kind.SYSTEM, null, 0, null, 0), true, Duration.ofMillis(30),
                null, options);
        bus.onEvent(e -> {
            if (e instanceof DeviceEvent.QrScanned s) {
                scans.add(s);
            }
        });
        bus.onStatus(changes::add);
        driver = (CameraQrScannerDriver) new CameraQrScannerDriverFactory().create(config, null,
                new DeviceContext(scheduler, bus, clock));
        driver.start();
        return driver;
    }

    private CameraQrScannerDriver startOnline() {
        start(tmp, Map.of());
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
        return driver;
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        scheduler.shutdownNow();
    }

    private void await(String what, BooleanSupplier condition) {
        Await.until(what, WAIT, condition::getAsBoolean, () -> driver.status() + " " + driver.statistics() + " scans=" + scans);
    }

    private void awaitStatus(DeviceStatus status, DeviceStatusDetail detail) {
        await(status + "/" + detail, () -> driver.status().status() == status && driver.status().detail() == detail);
    }

    /** Writes under a temporary name and renames into place, as careful camera software does. */
    private void drop(String name, byte[] bytes) throws IOException {
        Path part = folder.resolve(name + ".part");
        Files.write(part, bytes);
        Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private long doneCount() throws IOException {
        try (var files = Files.list(folder.resolve("done"))) {
            return files.count();
        }
    }

    @Test
    void aCodeInAPictureReachesTheKioskAsQrScanned() throws IOException {
        startOnline().setReadingEnabled(true);
        drop("frame-1.jpg", QrPictures.frame().with(LICENCE, 6, 700, 330, 180).noise(10, 1).jpeg());

        await("one scan", () -> scans.size() == 1);
        DeviceEvent.QrScanned scan = scans.get(0);
        assertThat(scan.payload()).isEqualTo(LICENCE);
        assertThat(scan.source()).isEqualTo(DeviceEvent.ScanSource.CAMERA);
        assertThat(scan.deviceId()).isEqualTo("cam-1");
        await("moved to done", () -> Files.exists(folder.resolve("done/frame-1.jpg")));
        assertThat(driver.statistics().codesPublished()).isEqualTo(1);
        assertThat(driver.family()).isEqualTo(DeviceFamily.QR_SCANNER);
    }

    @Test
    void everyCodeOfAFrameIsPublished() throws IOException {
        startOnline().setReadingEnabled(true);
        drop("two.png", QrPictures.frame().with("RECEIPT-11010500000000120250318000123", 5, 320, 360, 0)
                .with("ELIC-330100", 5, 960, 360, 270).png());
        await("two scans", () -> scans.size() == 2);
        assertThat(scans).extracting(DeviceEvent.QrScanned::payload)
                .containsExactly("RECEIPT-11010500000000120250318000123", "ELIC-330100");
    }

    @Test
    void aPhoneHeldUpOverSeveralFramesCountsOnceAndAgainAfterTheWindow() throws Exception {
        start(tmp, Map.of("debounce", "800"));
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
        driver.setReadingEnabled(true);
        byte[] frame = QrPictures.frame().with(LICENCE, 0).png();
        for (int i = 0; i < 3; i++) {
            drop("held-" + i + ".png", frame);
        }
        await("three frames read", () -> driver.statistics().framesRead() == 3);
        assertThat(scans).hasSize(1);

        clock.skip(Duration.ofMillis(900));
        drop("again.png", frame);
        await("shown again after the window", () -> scans.size() == 2);
    }

    @Test
    void nothingIsReadWhileNoScreenAsksForACode() throws Exception {
        startOnline();
        drop("before.png", QrPictures.frame().with(LICENCE, 0).png());
        await("discarded", () -> {
            try {
                return doneCount() == 1;
            } catch (IOException e) {
                return false;
            }
        });
        driver.setReadingEnabled(true);
        drop("frame-without-code.png", QrPictures.frame().noise(20, 9).png());
        await("blank frame decoded", () -> driver.statistics().framesWithoutCode() == 1);
        assertThat(scans).as("a code shown before the screen asked is never read").isEmpty();
        assertThat(driver.statistics().framesRead()).isEqualTo(1);
    }

    @Test
    void aCorruptPictureIsSetAsideAndTheDriverStaysOnline() throws IOException {
        startOnline().setReadingEnabled(true);
        byte[] png = QrPictures.frame().with(LICENCE, 0).png();
        drop("broken.png", java.util.Arrays.copyOf(png, png.length / 2));
        drop("good.png", png);
        await("the good one read", () -> scans.size() == 1);
        await("the broken one set aside", () -> Files.exists(folder.resolve("failed/broken.png")));
        assertThat(driver.statistics().framesUnreadable()).isEqualTo(1);
        assertThat(driver.statistics().lastFailure()).startsWith("broken.png: corrupt or truncated");
        assertThat(driver.status().status()).isEqualTo(DeviceStatus.ONLINE);
    }

    @Test
    void aMissingFolderIsOfflineUntilItAppears() throws IOException {
        start(tmp.resolve("share"), Map.of());
        awaitStatus(DeviceStatus.OFFLINE, DeviceStatusDetail.PORT_NOT_FOUND);
        assertThat(driver.status().args()).containsExactly("folder:" + tmp.resolve("share"));
        assertThat(driver.lastFailure()).hasValueSatisfying(e -> assertThat(e.isFatal()).isFalse());

        Files.createDirectory(tmp.resolve("share"));
        driver.reconnect();
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
        assertThat(driver.lastFailure()).isEmpty();
        assertThat(changes).extracting(c -> c.newStatus().status()).containsSubsequence(DeviceStatus.INITIALIZING,
                DeviceStatus.OFFLINE, DeviceStatus.ONLINE);
    }

    @Test
    void silenceReportedByTheSupervisorClearsWhenTheThreadChecksInAgain() {
        startOnline();
        driver.reportSilence();
        assertThat(changes).anySatisfy(c -> assertThat(c.newStatus().detail())
                .isEqualTo(DeviceStatusDetail.NO_DATA_TIMEOUT));
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
        assertThat(driver.silenceTimeout()).isPositive();
    }

    @Test
    void aDisabledDeviceNeverWatches() {
        DeviceConfig config = new DeviceConfig("cam-off", DeviceFamily.QR_SCANNER, CameraFolderSettings.MODEL,
                new TransportConfig(TransportConfig.Kind.SYSTEM, null, 0, null, 0), false, null, null,
                Map.of("folder", tmp.toString()));
        driver = (CameraQrScannerDriver) new CameraQrScannerDriverFactory().create(config, null,
                new DeviceContext(scheduler, bus, clock));
        driver.start();
        assertThat(driver.status().status()).isEqualTo(DeviceStatus.DISABLED);
        assertThat(tmp.resolve("done")).doesNotExist();
    }

    @Test
    void payloadsNeverReachTheLog() throws IOException {
        Logger logger = (Logger) LoggerFactory.getLogger(CameraQrScannerDriver.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            startOnline().setReadingEnabled(true);
            drop("secret.png", QrPictures.frame().with(LICENCE, 0).png());
            await("scan", () -> scans.size() == 1);
            assertThat(appender.list).isNotEmpty().noneSatisfy(e -> assertThat(e.getFormattedMessage())
                    .contains("E3301000000123456789"));
            assertThat(scans.get(0).toString()).doesNotContain("E3301000000123456789");
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void aDocumentCameraHandsOverTheNextPictureAsAPageAndReadsNoCodeInIt() throws Exception {
        start(tmp, Map.of("documents", "true"));
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
        drop("before.jpg", QrPictures.frame().with(LICENCE, 6, 700, 330, 180).jpeg());
        await("an unasked picture is discarded", () -> {
            try {
                return doneCount() == 1;
            } catch (IOException e) {
                return false;
            }
        });
        var page = driver.capture(Duration.ofSeconds(10));
        assertThat(page).isNotDone();
        drop("page-1.jpg", QrPictures.frame().with(LICENCE, 6, 700, 330, 180).jpeg());
        var taken = page.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(taken.image().getWidth()).isGreaterThan(100);
        assertThat(scans).as("a page is not a code shown to the scanner").isEmpty();
        assertThat(driver.takesDocuments()).isTrue();
    }

    @Test
    void aCaptureWithoutAPictureTimesOutAndAPlainCameraTakesNoDocuments() throws Exception {
        start(tmp, Map.of("documents", "true"));
        awaitStatus(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
        var page = driver.capture(Duration.ofMillis(300));
        var failure = org.assertj.core.api.Assertions.catchThrowable(() -> page.get(10,
                java.util.concurrent.TimeUnit.SECONDS));
        assertThat(failure).hasCauseInstanceOf(org.govkiosk.device.DeviceException.class);
        assertThat(((org.govkiosk.device.DeviceException) failure.getCause()).code())
                .isEqualTo(org.govkiosk.device.DeviceException.Code.TIMEOUT);
        driver.setReadingEnabled(true);
        drop("late.jpg", QrPictures.frame().with(LICENCE, 6, 700, 330, 180).jpeg());
        await("a picture after the timeout is read for codes again", () -> scans.size() == 1);
        driver.close();

        start(Files.createDirectories(tmp.resolve("plain")), Map.of());
        assertThat(driver.takesDocuments()).isFalse();
        assertThat(driver.capture(Duration.ofSeconds(1))).isCompletedExceptionally();
    }
}
