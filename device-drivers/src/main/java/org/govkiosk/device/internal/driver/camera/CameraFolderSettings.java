package org.govkiosk.device.internal.driver.camera;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DriverOptions;

/**
 * A {@code camera-folder} scanner's options: {@code folder} (required, absolute: where the camera software drops
 * its pictures), {@code settle} (ms a file's size and time must stay unchanged before it counts as written;
 * default 300; 0 when the camera writes to a temporary name and renames into place), {@code debounce} (ms within
 * which the same code in later frames is not published again; default 1500; 0 = off), {@code processed}
 * ({@code delete}, the default: a picture is read into memory at once and shows citizens' documents and codes, so
 * it is deleted right after; or {@code move} to {@code done/}, for setting a camera up only: nothing deletes what
 * is kept there) and
 * {@code max-megapixels} (larger pictures are set aside unread; default 24). The folder is polled every
 * {@code poll-interval}.
 */
public record CameraFolderSettings(Path folder, Duration pollInterval, Duration settle, Duration debounce,
        boolean deleteProcessed, long maxPixels) {

    public static final String MODEL = "camera-folder";
    private static final Set<String> KEYS = Set.of("folder", "settle", "debounce", "processed", "max-megapixels",
            "documents");

    public static CameraFolderSettings of(DeviceConfig config, List<String> problems) {
        for (String key : new TreeSet<>(config.options().keySet())) {
            if (!KEYS.contains(key)) {
                problems.add("options." + key + ": unknown option for a " + MODEL + " scanner; known: "
                        + new TreeSet<>(KEYS));
            }
        }
        if (config.transport().kind() != TransportConfig.Kind.SYSTEM) {
            problems.add("transport: a " + MODEL + " scanner reads a folder of this computer: use transport system, "
                    + "got " + config.transport().kind().name().toLowerCase(Locale.ROOT));
        } else if (config.transport().port() != null && !config.transport().port().isBlank()) {
            problems.add("port: not used by a " + MODEL + " scanner; name the folder in options.folder");
        }
        Path folder = folder(config, problems);
        Duration settle = Duration.ofMillis(DriverOptions.number(config, "settle", 300, 0, 10_000, problems));
        Duration debounce = Duration.ofMillis(DriverOptions.number(config, "debounce", 1500, 0, 60_000, problems));
        int megapixels = DriverOptions.number(config, "max-megapixels", 24, 1, 200, problems);
        String processed = config.option("processed").orElse("delete").trim().toLowerCase(Locale.ROOT);
        if (!processed.equals("move") && !processed.equals("delete")) {
            problems.add("options.processed: must be move or delete, got '" + config.options().get("processed")
                    + "'");
        }
        takesDocuments(config, problems);
        return new CameraFolderSettings(folder, config.pollInterval(), settle, debounce,
                processed.equals("delete"), megapixels * 1_000_000L);
    }

    /** The {@code documents} option: whether the camera photographs documents on request. */
    public static boolean takesDocuments(DeviceConfig config, List<String> problems) {
        String v = config.option("documents").orElse("false").trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            problems.add("options.documents: must be true or false, got '" + config.options().get("documents") + "'");
        }
        return v.equals("true");
    }

    /** @throws IllegalArgumentException naming every problem */
    public static CameraFolderSettings require(DeviceConfig config) {
        List<String> problems = new ArrayList<>();
        CameraFolderSettings s = of(config, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("device '" + config.id() + "': " + String.join("; ", problems));
        }
        return s;
    }

    private static Path folder(DeviceConfig config, List<String> problems) {
        String value = config.options().get("folder");
        if (value == null || value.isBlank()) {
            problems.add("options.folder: required for a " + MODEL + " scanner (where the camera stores pictures)");
            return Path.of("/nonexistent");
        }
        try {
            Path p = Path.of(value.trim());
            if (!p.isAbsolute()) {
                problems.add("options.folder: must be an absolute path, got '" + value + "'");
            }
            return p;
        } catch (InvalidPathException e) {
            problems.add("options.folder: not a path: " + e.getMessage());
            return Path.of("/nonexistent");
        }
    }
}
