package org.govkiosk.device.internal.driver.qr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.internal.codec.qr.ScanFrameConfig;
import org.govkiosk.device.driver.DriverOptions;

/**
 * A scan engine's options: {@code terminator} (CR, LF, CRLF, TAB or NONE; default CR), {@code aim-prefix}
 * (true when the engine is set to send AIM identifiers; default false), {@code charset} (auto, utf-8, gb18030;
 * default auto), {@code max-length} (bytes, default 4096), {@code debounce} (ms, default 1500; 0 = off),
 * {@code inter-byte-gap} (ms that end a scan when the terminator is NONE; default 100), and for the simulator
 * {@code sim.symbology} (the AIM identifier it sends, default Q1) and {@code sim.charset} (utf-8 or gb18030).
 */
record QrScannerSettings(ScanFrameConfig frame, Duration debounce, Duration interByteGap, String simSymbology,
        ScanFrameConfig.PayloadCharset simCharset) {

    private static final Set<String> KEYS = Set.of("terminator", "aim-prefix", "charset", "max-length", "debounce",
            "inter-byte-gap", "sim.symbology", "sim.charset");

    static QrScannerSettings of(DeviceConfig config, List<String> problems) {
        for (String key : new TreeSet<>(config.options().keySet())) {
            if (!KEYS.contains(key)) {
                problems.add("options." + key + ": unknown option for a QR scanner; known: " + new TreeSet<>(KEYS));
            }
        }
        ScanFrameConfig.Terminator terminator = config.option("terminator").map(t -> ScanFrameConfig.Terminator
                .fromConfig(t).orElseGet(() -> {
                    problems.add("options.terminator: must be CR, LF, CRLF, TAB or NONE, got '" + t + "'");
                    return ScanFrameConfig.Terminator.CR;
                })).orElse(ScanFrameConfig.Terminator.CR);
        boolean aim = bool(config, "aim-prefix", problems);
        ScanFrameConfig.PayloadCharset charset = charset(config, "charset", ScanFrameConfig.PayloadCharset.AUTO,
                problems);
        int maxLength = DriverOptions.number(config, "max-length", ScanFrameConfig.DEFAULT_MAX_LENGTH, 16, 65_536,
                problems);
        Duration debounce = Duration.ofMillis(DriverOptions.number(config, "debounce", 1500, 0, 60_000, problems));
        Duration gap = Duration.ofMillis(DriverOptions.number(config, "inter-byte-gap", 100, 10, 5_000, problems));
        String symbology = config.option("sim.symbology").orElse("Q1");
        if (!symbology.matches("[A-Za-z][A-Za-z0-9]")) {
            problems.add("options.sim.symbology: must be a letter and a letter or digit, like Q1, got '"
                    + symbology + "'");
            symbology = "Q1";
        }
        ScanFrameConfig.PayloadCharset simCharset = charset(config, "sim.charset",
                charset == ScanFrameConfig.PayloadCharset.GB18030 ? charset : ScanFrameConfig.PayloadCharset.UTF_8,
                problems);
        if (simCharset == ScanFrameConfig.PayloadCharset.AUTO) {
            problems.add("options.sim.charset: a simulator sends utf-8 or gb18030, not auto");
            simCharset = ScanFrameConfig.PayloadCharset.UTF_8;
        }
        return new QrScannerSettings(new ScanFrameConfig(terminator, aim, charset, maxLength), debounce, gap,
                symbology, simCharset);
    }

    static QrScannerSettings require(DeviceConfig config) {
        List<String> problems = new ArrayList<>();
        QrScannerSettings s = of(config, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("device '" + config.id() + "': " + String.join("; ", problems));
        }
        return s;
    }

    private static ScanFrameConfig.PayloadCharset charset(DeviceConfig config, String key,
            ScanFrameConfig.PayloadCharset dflt, List<String> problems) {
        return config.option(key).map(c -> ScanFrameConfig.PayloadCharset.fromConfig(c).orElseGet(() -> {
            problems.add("options." + key + ": must be auto, utf-8 or gb18030, got '" + c + "'");
            return dflt;
        })).orElse(dflt);
    }

    private static boolean bool(DeviceConfig config, String key, List<String> problems) {
        String v = config.options().get(key);
        if (v == null) {
            return false;
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (!t.equals("true") && !t.equals("false")) {
            problems.add("options." + key + ": must be true or false, got '" + v + "'");
        }
        return t.equals("true");
    }
}
