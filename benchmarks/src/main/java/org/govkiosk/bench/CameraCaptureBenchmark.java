package org.govkiosk.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.driver.camera.CameraQrScannerDriver;
import org.govkiosk.device.internal.driver.camera.uvc.UvcCameraDriverFactory;

/**
 * Issue 19: the USB camera's capture path on GStreamer, camera replaced by GStreamer's own live sources at
 * 640×480 and 1280×720, 30 frames/s asked: frames captured and decoded per second, frames dropped (the decoder
 * busy: the latest frame wins), and CPU per frame: the whole process (GStreamer's threads, the copy, the decoder)
 * per captured frame, and the decoding thread per decoded frame. Three runs per size: capture only (no screen
 * reads codes: frames are counted and released), decoding {@code videotestsrc}'s frames (no code in them: the
 * idle terminal's case, every decoder pass runs), and decoding a frame with a code ({@code imagefreeze} of a PNG).
 * <p>
 * Arguments: {@code [seconds per run]}, default 8.
 */
public final class CameraCaptureBenchmark {

    private static final String CODE = "https://zwfw.example.gov.cn/elic?c=E3301000000123456789&t=1718000000";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private CameraCaptureBenchmark() {
    }

    private record Run(String label, String pipeline, boolean decode) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Path png = Files.createTempFile("govkiosk-bench-qr", ".png");
        ImageIO.write(new QrFrames().code(CODE, 6, 640, 360, 0).noise(8, 1).image(), "png", png.toFile());
        System.out.println();
        System.out.println("USB camera capture through GStreamer (appsink, 30 frames/s asked) and QR decoding"
                + " (QrImageDecoder on the camera's thread)");
        System.out.printf(Locale.ROOT, "  %d s per run; %s%n", seconds, Machine.describe());
        System.out.printf(Locale.ROOT, "  %-11s %-34s %10s %10s %10s %6s %16s %16s%n", "size", "run",
                "captured/s", "decoded/s", "dropped/s", "codes", "CPU ms/captured", "CPU ms/decoded");
        try {
            for (int[] size : List.of(new int[] {640, 480}, new int[] {1280, 720})) {
                for (Run run : List.of(
                        new Run("capture only (reading off)", "videotestsrc is-live=true pattern=ball", false),
                        new Run("decode, videotestsrc (no code)", "videotestsrc is-live=true pattern=ball", true),
                        new Run("decode, a frame with a code", "filesrc location=" + png + " ! pngdec ! imagefreeze"
                                + " is-live=true", true))) {
                    measure(size[0], size[1], run, seconds);
                }
            }
        } finally {
            Files.deleteIfExists(png);
        }
    }

    private static void measure(int width, int height, Run run, int seconds) throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        DeviceEventBus bus = new DeviceEventBus();
        AtomicLong codes = new AtomicLong();
        bus.onEvent(e -> {
            if (e instanceof DeviceEvent.QrScanned) {
                codes.incrementAndGet();
            }
        });
        String id = "bench-" + width;
        DeviceConfig config = new DeviceConfig(id, DeviceFamily.QR_SCANNER, UvcCameraDriverFactory.MODEL,
                new TransportConfig(TransportConfig.Kind.SYSTEM, null, 0, null, 0), true, Duration.ofMillis(200),
                null, Map.of("pipeline", run.pipeline(), "width", "" + width, "height", "" + height, "frame-rate",
                        "30", "format", "color", "debounce", "0"));
        CameraQrScannerDriver driver = (CameraQrScannerDriver) new UvcCameraDriverFactory().create(config, null,
                new DeviceContext(scheduler, bus, Clock.systemUTC()));
        try {
            driver.start();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (driver.status().status() != DeviceStatus.ONLINE) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(run.label() + ": the camera did not come online: "
                            + driver.status() + " " + driver.lastFailure());
                }
                Thread.sleep(50);
            }
            driver.setReadingEnabled(run.decode());
            Thread.sleep(2000); // warm-up: the JIT, the pipeline's first frames
            Thread camera = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("camera-" + id)).findFirst().orElseThrow();
            Map<String, Long> before = driver.counters();
            long codes0 = codes.get();
            long cpu0 = OS.getProcessCpuTime();
            long thread0 = THREADS.getThreadCpuTime(camera.getId());
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long elapsed = System.nanoTime() - t0;
            long cpu = OS.getProcessCpuTime() - cpu0;
            long threadCpu = THREADS.getThreadCpuTime(camera.getId()) - thread0;
            Map<String, Long> after = driver.counters();
            long captured = delta(before, after, CameraQrScannerDriver.FRAMES_CAPTURED);
            long decoded = delta(before, after, CameraQrScannerDriver.FRAMES_READ);
            long dropped = delta(before, after, CameraQrScannerDriver.FRAMES_DROPPED);
            double s = elapsed / 1e9;
            System.out.printf(Locale.ROOT, "  %-11s %-34s %10.1f %10.1f %10.1f %6d %16.2f %16s%n",
                    width + "x" + height, run.label(), captured / s, decoded / s, dropped / s,
                    codes.get() - codes0, captured == 0 ? 0 : cpu / 1e6 / captured,
                    decoded == 0 ? "-" : String.format(Locale.ROOT, "%.2f", threadCpu / 1e6 / decoded));
        } finally {
            driver.close();
            scheduler.shutdownNow();
        }
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String counter) {
        return after.getOrDefault(counter, 0L) - before.getOrDefault(counter, 0L);
    }
}
