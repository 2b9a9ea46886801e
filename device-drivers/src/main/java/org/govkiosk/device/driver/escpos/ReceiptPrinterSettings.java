package org.govkiosk.device.driver.escpos;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.codec.escpos.StatusBitMap;
import org.govkiosk.device.driver.DriverOptions;

/**
 * A receipt printer's options: {@code response-timeout} (ms, default 1000), {@code min-poll-interval} (ms,
 * default 1000: the status poll never runs faster, whatever {@code poll-interval} says, so the printer is not
 * kept busy answering), {@code chunk-size} (bytes per write, default 1024), {@code status-map.*} (see
 * {@link StatusBitMap#fromOptions}), and for the simulator {@code sim.chinese-mode} (true/false) and
 * {@code sim.lines-before-paper-end}.
 */
record ReceiptPrinterSettings(StatusBitMap bitMap, Duration responseTimeout, Duration minPollInterval,
        int chunkSize, boolean simChineseMode, int simLinesBeforePaperEnd) {

    static final String MIN_POLL_INTERVAL = "min-poll-interval";
    static final String CHUNK_SIZE = "chunk-size";
    static final String SIM_CHINESE_MODE = "sim.chinese-mode";
    static final String SIM_LINES_BEFORE_PAPER_END = "sim.lines-before-paper-end";
    private static final Set<String> KEYS = Set.of("response-timeout", MIN_POLL_INTERVAL, CHUNK_SIZE,
            SIM_CHINESE_MODE, SIM_LINES_BEFORE_PAPER_END);

    /** Reads the options, adding each problem (naming its key) to {@code problems}; defaults stand in. */
    static ReceiptPrinterSettings of(DeviceConfig config, List<String> problems) {
        for (String key : new TreeSet<>(config.options().keySet())) {
            if (!KEYS.contains(key) && !key.startsWith(StatusBitMap.OPTION_PREFIX)) {
                problems.add("options." + key + ": unknown option for a receipt printer; known: "
                        + new TreeSet<>(KEYS) + " and " + StatusBitMap.OPTION_PREFIX + "<condition>");
            }
        }
        StatusBitMap.Parsed map = StatusBitMap.fromOptions(config.options());
        map.errors().forEach(e -> problems.add("options." + e));
        Duration timeout = DriverOptions.responseTimeout(config, problems);
        Duration minPoll = Duration.ofMillis(DriverOptions.number(config, MIN_POLL_INTERVAL, 1000, 10, 3_600_000,
                problems));
        int chunk = DriverOptions.number(config, CHUNK_SIZE, 1024, 16, 65_536, problems);
        boolean chinese = bool(config, SIM_CHINESE_MODE, problems);
        int lines = DriverOptions.number(config, SIM_LINES_BEFORE_PAPER_END, 3, 1, 10_000, problems);
        return new ReceiptPrinterSettings(map.map(), timeout, minPoll, chunk, chinese, lines);
    }

    /** The settings of a config that must be valid (the registry validated it). */
    static ReceiptPrinterSettings require(DeviceConfig config) {
        List<String> problems = new java.util.ArrayList<>();
        ReceiptPrinterSettings s = of(config, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("device '" + config.id() + "': " + String.join("; ", problems));
        }
        return s;
    }

    /** The status poll period: the configured {@code poll-interval}, but never below the minimum. */
    Duration pollInterval(DeviceConfig config) {
        return config.pollInterval().compareTo(minPollInterval) < 0 ? minPollInterval : config.pollInterval();
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
