package org.govkiosk.device.internal.driver.camera.uvc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DriverOptions;
import org.govkiosk.device.internal.driver.camera.CameraFolderSettings;

/**
 * A {@code uvc-camera} scanner's settings. {@code port}: the camera's node ({@code /dev/video0}, or better a
 * {@code /dev/v4l/by-id/...} link, which survives replugging into another socket), or {@code first-uvc} (the
 * default): the first USB video class camera found, looked for again after every unplug. Options:
 * {@code width}, {@code height} (default 640×480) and {@code frame-rate} (default 15) as the camera delivers them;
 * {@code format} {@code gray} (GRAY8: least work for code reading) or {@code color} (the default: the preview and
 * document pages in colour); {@code input} {@code raw} (default) or {@code mjpeg} (many UVC cameras give their larger
 * sizes only as MJPEG); {@code debounce} and {@code documents} as for {@code camera-folder}; {@code pipeline}: a
 * GStreamer source description used instead of the camera (for tests and set-up, e.g.
 * {@code videotestsrc is-live=true}); the driver appends the conversion to the configured size, rate and format and
 * its own sink. The camera is looked for again every {@code poll-interval} while it is missing.
 *
 * @param device the node, or {@link #FIRST_UVC}; ignored when {@code pipeline} is set
 * @param pipeline the source description, or null for the camera
 */
public record UvcCameraSettings(String device, int width, int height, int frameRate, boolean gray, boolean mjpeg,
        String pipeline, Duration debounce, boolean documents, Duration pollInterval) {

    public static final String MODEL = "uvc-camera";
    public static final String FIRST_UVC = "first-uvc";
    /** A pipeline override longer than this is not a source description but a mistake. */
    static final int MAX_PIPELINE_LENGTH = 2000;
    private static final Set<String> KEYS = Set.of("width", "height", "frame-rate", "format", "input", "pipeline",
            "debounce", "documents");

    public static UvcCameraSettings of(DeviceConfig config, List<String> problems) {
        for (String key : new TreeSet<>(config.options().keySet())) {
            if (!KEYS.contains(key)) {
                problems.add("options." + key + ": unknown option for a " + MODEL + " scanner; known: "
                        + new TreeSet<>(KEYS));
            }
        }
        if (config.transport().kind() != TransportConfig.Kind.SYSTEM) {
            problems.add("transport: a " + MODEL + " scanner is a camera of this computer: use transport system, got "
                    + config.transport().kind().name().toLowerCase(Locale.ROOT));
        }
        String device = device(config, problems);
        int width = DriverOptions.number(config, "width", 640, 160, 3840, problems);
        int height = DriverOptions.number(config, "height", 480, 120, 2160, problems);
        int rate = DriverOptions.number(config, "frame-rate", 15, 1, 60, problems);
        boolean gray = choice(config, "format", "color", Set.of("gray", "color"), problems).equals("gray");
        boolean mjpeg = choice(config, "input", "raw", Set.of("raw", "mjpeg"), problems).equals("mjpeg");
        String pipeline = pipeline(config, problems);
        Duration debounce = Duration.ofMillis(DriverOptions.number(config, "debounce", 1500, 0, 60_000, problems));
        boolean documents = CameraFolderSettings.takesDocuments(config, problems);
        return new UvcCameraSettings(device, width, height, rate, gray, mjpeg, pipeline, debounce, documents,
                config.pollInterval());
    }

    /** @throws IllegalArgumentException naming every problem */
    public static UvcCameraSettings require(DeviceConfig config) {
        List<String> problems = new ArrayList<>();
        UvcCameraSettings s = of(config, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("device '" + config.id() + "': " + String.join("; ", problems));
        }
        return s;
    }

    public boolean firstUvc() {
        return FIRST_UVC.equals(device);
    }

    private static String device(DeviceConfig config, List<String> problems) {
        String port = config.transport().port();
        if (port == null || port.isBlank()) {
            return FIRST_UVC;
        }
        String p = port.trim();
        if (!p.equals(FIRST_UVC) && !p.startsWith("/dev/")) {
            problems.add("port: a camera node under /dev (e.g. /dev/video0 or /dev/v4l/by-id/...) or " + FIRST_UVC
                    + ", got '" + port + "'");
        } else if (p.chars().anyMatch(c -> Character.isWhitespace(c) || c == '!' || c == '"' || c == '\'')) {
            problems.add("port: a device path without spaces, quotes or '!', got '" + port + "'");
        }
        return p;
    }

    private static String choice(DeviceConfig config, String key, String dflt, Set<String> allowed,
            List<String> problems) {
        String v = config.option(key).orElse(dflt).trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            problems.add("options." + key + ": must be one of " + new TreeSet<>(allowed) + ", got '"
                    + config.options().get(key) + "'");
            return dflt;
        }
        return v;
    }

    private static String pipeline(DeviceConfig config, List<String> problems) {
        String v = config.options().get("pipeline");
        if (v == null || v.isBlank()) {
            return null;
        }
        String p = v.trim();
        if (p.length() > MAX_PIPELINE_LENGTH) {
            problems.add("options.pipeline: at most " + MAX_PIPELINE_LENGTH + " characters, got " + p.length());
        } else if (p.contains("appsink")) {
            problems.add("options.pipeline: only the source part (e.g. videotestsrc is-live=true); the driver adds"
                    + " the conversion and its own appsink");
        } else if (p.endsWith("!")) {
            problems.add("options.pipeline: must not end with '!': the driver links the conversion after it");
        }
        return p;
    }
}
