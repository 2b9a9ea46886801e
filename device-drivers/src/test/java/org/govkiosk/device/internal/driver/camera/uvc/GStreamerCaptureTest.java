package org.govkiosk.device.internal.driver.camera.uvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.govkiosk.device.CameraPreview;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusChanged;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.driver.camera.CameraQrScannerDriver;
import org.govkiosk.device.internal.driver.camera.QrImageDecoder;
import org.govkiosk.device.internal.driver.camera.QrPictures;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The camera driver on real GStreamer pipelines, with GStreamer's own sources in place of a camera: its test
 * pattern ({@code videotestsrc}), a short video of QR codes made here (PNG frames played by {@code multifilesrc !
 * pngdec}), a stream that ends, a source that is missing and comes back, and a camera node that is not a camera and
 * then goes away. A kernel loopback camera (v4l2loopback) would need a kernel module this container cannot load.
 */
class GStreamerCaptureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DeviceEventBus bus = new DeviceEventBus();
    private final List<DeviceEvent.QrScanned> scans = new CopyOnWriteArrayList<>();
    private final List<DeviceStatusChanged> changes = new CopyOnWriteArrayList<>();
    private CameraQrScannerDriver driver;
    private GStreamerFrameSource source;

    @BeforeAll
    static void gstreamer() {
        GStreamerTestSupport.assumeGStreamer();
    }

    private CameraQrScannerDriver start(DeviceConfig config, UvcCameraSettings settings, VideoDevices devices) {
        bus.onEvent(e -> {
            if (e instanceof DeviceEvent.QrScanned s) {
                scans.add(s);
            }
        });
        bus.onStatus(changes::add);
        source = new GStreamerFrameSource(config.id(), settings, devices, Clock.systemUTC());
        driver = new CameraQrScannerDriver(config, new DeviceContext(scheduler, bus, Clock.systemUTC()), source,
                new QrImageDecoder(), settings.debounce(), settings.documents());
        driver.start();
        return driver;
    }

    private CameraQrScannerDriver start(Map<String, String> options) {
        DeviceConfig config = UvcCameraSettingsTest.config(null, options);
        return start(config, UvcCameraSettings.require(config), VideoDevices.system());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        scheduler.shutdownNow();
    }

    private void await(String what, BooleanSupplier condition) {
        Await.until(what, WAIT, condition::getAsBoolean, () -> driver.status() + " " + driver.counters() + " "
                + source.figures().negotiated() + " scans=" + scans.size() + " changes=" + changes);
    }

    private boolean reached(DeviceStatus status, DeviceStatusDetail detail) {
        return changes.stream().anyMatch(c -> c.newStatus().status() == status && c.newStatus().detail() == detail);
    }

    @Test
    void videotestsrcFramesArriveAtTheSetSizeAndRateAndFeedThePreview() {
        start(Map.of("pipeline", "videotestsrc is-live=true pattern=ball", "width", "320", "height", "240",
                "frame-rate", "15", "format", "gray"));
        await("online", () -> driver.status().status() == DeviceStatus.ONLINE);
        List<CameraPreview.Picture> pictures = new CopyOnWriteArrayList<>();
        assertThat(driver.hasLivePreview()).isTrue();
        try (CameraPreview.Watch watch = driver.watch(5, 160, pictures::add)) {
            driver.setReadingEnabled(true);
            await("30 frames and 3 previews", () -> source.figures().frames() >= 30 && pictures.size() >= 3);
        }
        // By the frames' own timestamps, not the wall clock of a loaded machine.
        assertThat(source.figures().framesPerSecond()).isBetween(14.0, 16.0);
        assertThat(source.figures().negotiated()).contains("format=(string)GRAY8", "width=(int)320",
                "height=(int)240", "framerate=(fraction)15/1");
        CameraPreview.Picture p = pictures.get(0);
        assertThat(p.width()).isEqualTo(160);
        assertThat(p.height()).isEqualTo(120);
        // The ball pattern: a white ball on black, so the picture is neither blank nor uniform.
        assertThat(java.util.Arrays.stream(p.argb()).map(c -> c & 0xFF).distinct().count()).isGreaterThan(2);
        await("frames read", () -> driver.counters().getOrDefault(CameraQrScannerDriver.FRAMES_READ, 0L) >= 5);
        assertThat(driver.counters().get(CameraQrScannerDriver.FRAMES_CAPTURED)).isGreaterThanOrEqualTo(30);
        assertThat(scans).isEmpty();
    }

    @Test
    void aVideoOfQrCodesIsReadEndToEnd() throws IOException {
        List<String> payloads = List.of("ESSC|E3301000000123456789|2025-03-18T09:42|9f3a",
                "GK1|case=2024-0001-0042|sig=Q2FzZVRva2Vu", "https://zwfw.example.gov.cn/r?t=8e21c0");
        Path frames = qrVideo(payloads, 8);
        start(Map.of("pipeline", "multifilesrc location=" + frames.resolve("f_%03d.png") + " index=0"
                + " caps=image/png,framerate=8/1 ! pngdec", "width", "640", "height", "480", "frame-rate", "8",
                "debounce", "0"));
        driver.setReadingEnabled(true);
        await("every payload read", () -> scans.stream().map(DeviceEvent.QrScanned::payload).distinct().count() == 3);
        assertThat(scans.stream().map(DeviceEvent.QrScanned::payload).distinct().toList()).containsExactlyElementsOf(
                payloads);
        assertThat(scans).allMatch(s -> s.source() == DeviceEvent.ScanSource.CAMERA);
        // The video ends: the camera is reported offline, then the source is opened again and serves once more.
        await("offline at the end of the stream", () -> reached(DeviceStatus.OFFLINE,
                DeviceStatusDetail.COMMUNICATION_ERROR));
        assertThat(driver.lastFailure()).get().asString().contains("end of stream");
    }

    @Test
    void aStreamThatEndsMidwayGoesOfflineAndResumesWhenTheSourceIsBack() {
        start(Map.of("pipeline", "videotestsrc is-live=true num-buffers=20", "width", "160", "height", "120",
                "frame-rate", "20"));
        List<String> preview = new CopyOnWriteArrayList<>();
        driver.watch(30, 160, p -> preview.add(p == null ? "stopped" : "picture"));
        await("online, offline at the end, online again", () -> {
            List<DeviceStatus> seen = changes.stream().map(c -> c.newStatus().status()).toList();
            int first = seen.indexOf(DeviceStatus.ONLINE);
            int off = first < 0 ? -1 : seen.subList(first, seen.size()).indexOf(DeviceStatus.OFFLINE) + first;
            return off > first && seen.subList(off, seen.size()).contains(DeviceStatus.ONLINE);
        });
        assertThat(driver.counters().get(org.govkiosk.device.driver.AbstractDevice.FAILURES)).isGreaterThanOrEqualTo(1);
        // The preview was told when the stream stopped, between pictures before and after.
        await("pictures again after the stop", () -> preview.lastIndexOf("picture") > preview.indexOf("stopped")
                && preview.contains("stopped"));
        assertThat(preview.indexOf("stopped")).isGreaterThan(preview.indexOf("picture"));
    }

    @Test
    void aMissingSourceIsOfflineUntilItIsThereThenServes() throws IOException {
        Path later = tmp.resolve("later");
        Files.createDirectories(later);
        start(Map.of("pipeline", "multifilesrc location=" + later.resolve("f_%03d.png") + " index=0"
                + " caps=image/png,framerate=8/1 ! pngdec", "width", "640", "height", "480", "frame-rate", "8",
                "debounce", "0"));
        driver.setReadingEnabled(true);
        await("offline while there is nothing to play", () -> driver.status().status() == DeviceStatus.OFFLINE
                && driver.status().detail() == DeviceStatusDetail.COMMUNICATION_ERROR);
        String payload = "GK1|case=2024-0001-0077|sig=TGF0ZXI";
        Path made = qrVideo(List.of(payload), 12);
        try (var files = Files.list(made)) {
            for (Path f : files.toList()) {
                Files.move(f, later.resolve(f.getFileName()));
            }
        }
        await("online and read", () -> scans.stream().anyMatch(s -> s.payload().equals(payload)));
        assertThat(reached(DeviceStatus.ONLINE, DeviceStatusDetail.NONE)).isTrue();
    }

    @Test
    void aCameraNodeThatFailsIsOfflineAndItsUnplugIsSaidAsDisconnected() throws IOException {
        Path dev = Files.createDirectories(tmp.resolve("dev"));
        Path node = Files.writeString(dev.resolve("video0"), "not a camera");
        // A node outside /dev, which the configuration would refuse: the settings are made here directly.
        DeviceConfig config = UvcCameraSettingsTest.config(null, Map.of());
        UvcCameraSettings defaults = UvcCameraSettings.require(config);
        start(config, new UvcCameraSettings(node.toString(), 640, 480, 15, false, false, null, defaults.debounce(),
                false, defaults.pollInterval()), new VideoDevices(dev, tmp.resolve("sys")));
        await("offline: the node is no camera", () -> driver.status().status() == DeviceStatus.OFFLINE
                && driver.status().detail() == DeviceStatusDetail.COMMUNICATION_ERROR);
        Files.delete(node);
        await("unplugged", () -> driver.status().detail() == DeviceStatusDetail.DISCONNECTED);
        assertThat(driver.lastFailure()).get().asString().contains("was unplugged");
    }

    /** PNG frames of {@code payloads}, each held for {@code framesEach} frames, a code of 6 px modules at 640×480. */
    private Path qrVideo(List<String> payloads, int framesEach) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("frames-" + System.nanoTime()));
        List<BufferedImage> codes = new ArrayList<>();
        for (String p : payloads) {
            codes.add(QrPictures.code(p, 5));
        }
        int n = 0;
        for (BufferedImage code : codes) {
            for (int i = 0; i < framesEach; i++) {
                BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = frame.createGraphics();
                g.setColor(new Color(0xD8D4CC));
                g.fillRect(0, 0, 640, 480);
                // The code drifts a little, as a hand holds it.
                g.drawImage(code, (640 - code.getWidth()) / 2 + (i % 4) * 3, (480 - code.getHeight()) / 2 + i % 3,
                        null);
                g.dispose();
                ImageIO.write(frame, "png", dir.resolve(String.format("f_%03d.png", n++)).toFile());
            }
        }
        return dir;
    }
}
