package org.govkiosk.app.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.printer.ReceiptPrinterModels;
import org.govkiosk.shared.calendar.WorkingCalendar;
import org.govkiosk.shared.config.YamlFiles;
import org.govkiosk.shared.config.YamlSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@code terminal.yaml} and {@code devices.yaml} from one config directory and validates them as a whole:
 * every problem, in both files, is collected and thrown together in one {@link ConfigException}, so the terminal
 * refuses to start rather than run half-configured, and a technician fixes everything in one visit.
 *
 * <p>The directory is {@code -Dgovkiosk.config.dir} (a real terminal: /etc/govkiosk), else {@code ./config}.
 */
public final class ConfigLoader {

    public static final String DIR_PROPERTY = "govkiosk.config.dir";
    public static final String TERMINAL_FILE = "terminal.yaml";
    /** The folder of the working calendar's files (calendar/2025.yaml ...), beside terminal.yaml. */
    public static final String CALENDAR_DIR = "calendar";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
    public static final String DEVICES_FILE = "devices.yaml";
    /**
     * The languages the UI has bundles for, Chinese first (ug-CN: Uyghur, written right to left; mn-Mong-CN: the
     * bilingual Mongolian + Chinese screens, Mongolian in the traditional script, vertical).
     */
    public static final List<String> SUPPORTED_LOCALES = List.of("zh-CN", "en", "ug-CN", "mn-Mong-CN");

    private ConfigLoader() {
    }

    /** {@code -Dgovkiosk.config.dir}, else {@code ./config}. */
    public static Path defaultDirectory() {
        return Paths.get(System.getProperty(DIR_PROPERTY, "config"));
    }

    /** Loads {@link #defaultDirectory()} with the loader's own checks only. */
    public static TerminalConfig load() {
        return load(defaultDirectory());
    }

    /** Loads {@code dir} with the loader's own checks only (no driver-specific ones). */
    public static TerminalConfig load(Path dir) {
        return load(dir, devices -> List.of());
    }

    /**
     * @param deviceValidator the drivers' own rules (e.g. the device registry's); it gets the devices that passed the
     *                        loader's checks, and its messages (already naming the device) become problems of
     *                        devices.yaml
     * @throws ConfigException listing every problem found, as "FILE: KEY: PROBLEM"
     */
    public static TerminalConfig load(Path dir, Function<List<DeviceConfig>, List<String>> deviceValidator) {
        List<String> problems = new ArrayList<>();
        Optional<YamlSection> terminalFile = read(dir, TERMINAL_FILE, problems);
        Optional<YamlSection> devicesFile = read(dir, DEVICES_FILE, problems);
        TerminalConfig config = terminalFile.map(root -> terminal(root, problems)).orElse(null);
        List<DeviceConfig> devices = devicesFile.map(root -> devices(root, deviceValidator, problems))
                .orElse(List.of());
        WorkingCalendar calendar = calendar(dir, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        if (config == null || devicesFile.isEmpty()) {
            // Every path that leaves a part out records why; reaching here would be a loader bug.
            throw new IllegalStateException("configuration incomplete without a recorded problem");
        }
        return new TerminalConfig(config.terminal(), config.session(), config.ui(), config.maintenance(),
                config.platform(), config.print(), config.storage(), config.ops(), devices, calendar,
                config.voice());
    }

    /**
     * The working calendar of {@code dir/calendar/YYYY.yaml} (public holidays and 调休) every deadline the terminal
     * prints is counted on; without that folder, weekends only (and the log warns).
     */
    private static WorkingCalendar calendar(Path dir, List<String> problems) {
        Path folder = dir.resolve(CALENDAR_DIR);
        if (!Files.isDirectory(folder)) {
            LOG.warn("no {} folder in {}: deadlines count weekends only, without public holidays or 调休",
                    CALENDAR_DIR, dir.toAbsolutePath());
            return WorkingCalendar.weekendsOnly();
        }
        try {
            return WorkingCalendar.load(folder);
        } catch (IllegalArgumentException e) {
            problems.addAll(e.getMessage().lines().toList());
            return WorkingCalendar.weekendsOnly();
        }
    }

    /** The parts of terminal.yaml, with no devices yet; null if any part has a problem. */
    private static TerminalConfig terminal(YamlSection root, List<String> problems) {
        int before = problems.size();
        root.onlyKeys("terminal", "session", "ui", "maintenance", "platform", "print", "storage", "ops", "voice");
        var terminal = root.section("terminal", true).map(TerminalSections::terminal).orElse(null);
        var session = root.has("session")
                ? root.section("session", false).map(TerminalSections::session).orElse(null)
                : TerminalConfig.Session.defaults();
        var ui = root.has("ui")
                ? root.section("ui", false).map(s -> TerminalSections.ui(s, SUPPORTED_LOCALES)).orElse(null)
                : new TerminalConfig.Ui(Locale.forLanguageTag(SUPPORTED_LOCALES.get(0)),
                        SUPPORTED_LOCALES.stream().map(Locale::forLanguageTag).toList(), false);
        var maintenance = root.has("maintenance")
                ? root.section("maintenance", false).map(TerminalSections::maintenance).orElse(null)
                : TerminalConfig.Maintenance.defaults();
        var platform = root.section("platform", true).map(TerminalSections::platform).orElse(null);
        var print = root.has("print")
                ? root.section("print", false).map(TerminalSections::print).orElse(null)
                : TerminalConfig.Print.defaults();
        var storage = root.has("storage")
                ? root.section("storage", false).map(TerminalSections::storage).orElse(null)
                : TerminalConfig.Storage.defaults();
        var ops = root.has("ops")
                ? root.section("ops", false).map(TerminalSections::ops).orElse(null)
                : TerminalConfig.Ops.defaults();
        var voice = root.has("voice")
                ? root.section("voice", false).map(s -> TerminalSections.voice(s, SUPPORTED_LOCALES)).orElse(null)
                : TerminalConfig.Voice.defaults();
        if (problems.size() > before || terminal == null || session == null || ui == null || maintenance == null
                || platform == null || print == null || storage == null || ops == null || voice == null) {
            return null;
        }
        return new TerminalConfig(terminal, session, ui, maintenance, platform, print, storage, ops, List.of(),
                WorkingCalendar.weekendsOnly(), voice);
    }

    private static List<DeviceConfig> devices(YamlSection root, Function<List<DeviceConfig>, List<String>> validator,
            List<String> problems) {
        root.onlyKeys("devices", ReceiptPrinterModels.SECTION);
        // Printer models first: a device names one, and takes its settings beneath its own options.
        Map<String, Map<String, String>> models = root.section(ReceiptPrinterModels.SECTION, false)
                .map(ReceiptPrinterModels::read).orElse(Map.of());
        List<DeviceEntry> entries = new ArrayList<>();
        for (YamlSection item : root.list("devices")) {
            DeviceEntry.read(item).ifPresent(entries::add);
        }
        List<DeviceConfig> devices = new ArrayList<>();
        Map<String, String> firstKeyById = new HashMap<>();
        for (DeviceEntry e : entries) {
            String first = firstKeyById.putIfAbsent(e.id(), e.key());
            if (first != null) {
                problems.add(DEVICES_FILE + ": " + e.key() + ".id: duplicate device id '" + e.id() + "', already used"
                        + " by " + first);
            } else if (!TerminalSections.ID.matcher(e.id()).matches()) {
                problems.add(DEVICES_FILE + ": " + e.key() + ".id: '" + e.id() + "' is not a valid id; use letters,"
                        + " digits, '.', '_' or '-' (at most 64)");
            } else {
                DeviceConfig device = e.toDeviceConfig();
                ReceiptPrinterModels.unknownModel(device, models).ifPresentOrElse(
                        why -> problems.add(DEVICES_FILE + ": " + e.key() + ".model: " + why),
                        () -> devices.add(ReceiptPrinterModels.withModel(device, models)));
            }
        }
        // The drivers' checks run on the entries that passed ours, so one start shows both kinds of problems.
        try {
            for (String message : validator.apply(List.copyOf(devices))) {
                problems.add(DEVICES_FILE + ": " + message);
            }
        } catch (RuntimeException e) {
            problems.add(DEVICES_FILE + ": devices: the driver checks failed: " + e);
        }
        return devices;
    }

    private static Optional<YamlSection> read(Path dir, String name, List<String> problems) {
        return YamlFiles.readMapping(dir, name, "sections of keys", problems)
                .map(root -> YamlSection.root(name, root, problems));
    }
}
