package org.govkiosk.device.internal.driver.escpos;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.internal.codec.escpos.ModelText;
import org.govkiosk.device.internal.codec.escpos.StatusBitMap;
import org.govkiosk.device.internal.codec.escpos.StatusRequest;
import org.govkiosk.shared.config.YamlSection;

/**
 * A receipt printer's options, read by the ESC/POS driver and, through {@link
 * org.govkiosk.device.printer.ReceiptPrinterModels}, by the configuration loader, which checks a model's settings
 * (per device in {@code options}, or per model under {@code printer-models} in
 * devices.yaml):
 * <ul>
 *   <li>{@code response-timeout} (ms, default 1000): how long a status answer may take once the request is on the
 *       printer's side of the line</li>
 *   <li>{@code status-wait-margin} (ms, default 500): added to the time a job's bytes take on a serial line at the
 *       configured baud rate before the status after the job counts as missing; at 9600 baud 1,000 bytes take
 *       over a second, and the status request crosses the line behind them</li>
 *   <li>{@code status-queries} (default {@code 1,2,3,4}): the {@code DLE EOT n} this model answers; a model that
 *       ignores one must not have it asked, or it never counts as online; {@code none} for one that answers none
 *       (it prints blind)</li>
 *   <li>{@code encoding} ({@code GB18030} default, {@code GBK}, {@code GB2312}): the model's Chinese character
 *       set; characters outside it print as {@code replacement} (default □)</li>
 *   <li>{@code chinese-mode-command} (true default): send {@code FS &}; false for models that start in Chinese
 *       mode and print the command as text</li>
 *   <li>{@code qr} ({@code native} default: {@code GS ( k}; {@code raster}: a {@code GS v 0} image, for clones
 *       without the QR command), {@code print-width-dots} (default 576, 80 mm; 384 for 58 mm)</li>
 *   <li>{@code min-poll-interval} (ms, default 1000: the status poll never runs faster, whatever
 *       {@code poll-interval} says), {@code chunk-size} (bytes per write, default 1024), {@code status-map.*} (see
 *       {@link StatusBitMap#fromOptions})</li>
 *   <li>for the simulator {@code sim.chinese-mode} (true/false) and {@code sim.lines-before-paper-end}</li>
 * </ul>
 */
public record ReceiptPrinterSettings(StatusBitMap bitMap, Duration responseTimeout, Duration minPollInterval,
        int chunkSize, boolean simChineseMode, int simLinesBeforePaperEnd, Duration statusWaitMargin,
        Set<StatusRequest> statusQueries, ModelText text) {

    static final String RESPONSE_TIMEOUT = "response-timeout";
    static final String MIN_POLL_INTERVAL = "min-poll-interval";
    static final String CHUNK_SIZE = "chunk-size";
    static final String STATUS_WAIT_MARGIN = "status-wait-margin";
    static final String STATUS_QUERIES = "status-queries";
    static final String ENCODING = "encoding";
    static final String REPLACEMENT = "replacement";
    static final String CHINESE_MODE_COMMAND = "chinese-mode-command";
    static final String QR = "qr";
    static final String PRINT_WIDTH_DOTS = "print-width-dots";
    static final String SIM_CHINESE_MODE = "sim.chinese-mode";
    static final String SIM_LINES_BEFORE_PAPER_END = "sim.lines-before-paper-end";
    /** What a model under {@code printer-models} may set: everything but the simulator's knobs. */
    public static final Set<String> MODEL_KEYS = Set.of(RESPONSE_TIMEOUT, MIN_POLL_INTERVAL, CHUNK_SIZE, STATUS_WAIT_MARGIN,
            STATUS_QUERIES, ENCODING, REPLACEMENT, CHINESE_MODE_COMMAND, QR, PRINT_WIDTH_DOTS);
    private static final Set<String> KEYS;

    static {
        Set<String> keys = new TreeSet<>(MODEL_KEYS);
        keys.add(SIM_CHINESE_MODE);
        keys.add(SIM_LINES_BEFORE_PAPER_END);
        KEYS = Set.copyOf(keys);
    }

    public ReceiptPrinterSettings {
        statusQueries = Set.copyOf(statusQueries);
    }

    /** Reads the options, adding each problem (naming its key) to {@code problems}; defaults stand in. */
    public static ReceiptPrinterSettings of(DeviceConfig config, List<String> problems) {
        for (String key : new TreeSet<>(config.options().keySet())) {
            if (!KEYS.contains(key) && !key.startsWith(StatusBitMap.OPTION_PREFIX)) {
                problems.add("options." + key + ": unknown option for a receipt printer"
                        + YamlSection.didYouMean(key, KEYS) + "; known: " + new TreeSet<>(KEYS) + " and "
                        + StatusBitMap.OPTION_PREFIX + "<condition>");
            }
        }
        StatusBitMap.Parsed map = StatusBitMap.fromOptions(config.options());
        map.errors().forEach(e -> problems.add("options." + e));
        Duration timeout = Duration.ofMillis(number(config, RESPONSE_TIMEOUT, 1000, 50, 30_000, problems));
        Duration minPoll = Duration.ofMillis(number(config, MIN_POLL_INTERVAL, 1000, 10, 3_600_000,
                problems));
        int chunk = number(config, CHUNK_SIZE, 1024, 16, 65_536, problems);
        boolean chinese = bool(config, SIM_CHINESE_MODE, false, problems);
        int lines = number(config, SIM_LINES_BEFORE_PAPER_END, 3, 1, 10_000, problems);
        Duration margin = Duration.ofMillis(number(config, STATUS_WAIT_MARGIN, 500, 0, 60_000,
                problems));
        Set<StatusRequest> queries = statusQueries(config.options().get(STATUS_QUERIES), problems);
        ModelText text = modelText(config, problems);
        return new ReceiptPrinterSettings(map.map(), timeout, minPoll, chunk, chinese, lines, margin, queries, text);
    }

    /** The settings of a config that must be valid (the registry validated it). */
    public static ReceiptPrinterSettings require(DeviceConfig config) {
        List<String> problems = new ArrayList<>();
        ReceiptPrinterSettings s = of(config, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("device '" + config.id() + "': " + String.join("; ", problems));
        }
        return s;
    }

    /** The status poll period: the configured {@code poll-interval}, but never below the minimum. */
    public Duration pollInterval(DeviceConfig config) {
        return config.pollInterval().compareTo(minPollInterval) < 0 ? minPollInterval : config.pollInterval();
    }

    /**
     * {@code "1,2,4"} (or {@code "[1, 2, 4]"}) as requests, each 1..4 once; {@code none} for a printer that sends
     * nothing back (a USB printer without a read channel): it then prints blind, paper out unnoticed.
     */
    public static Set<StatusRequest> statusQueries(String written, List<String> problems) {
        if (written == null) {
            return EnumSet.allOf(StatusRequest.class);
        }
        if (written.strip().equalsIgnoreCase("none")) {
            return EnumSet.noneOf(StatusRequest.class);
        }
        Set<StatusRequest> out = EnumSet.noneOf(StatusRequest.class);
        String body = written.strip();
        if (body.startsWith("[") && body.endsWith("]")) {
            body = body.substring(1, body.length() - 1);
        }
        for (String part : body.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            var request = part.matches("\\d") ? StatusRequest.of(Integer.parseInt(part))
                    : java.util.Optional.<StatusRequest>empty();
            if (request.isEmpty() || !out.add(request.get())) {
                problems.add("options." + STATUS_QUERIES + ": a list of the DLE EOT n the model answers, each of"
                        + " 1, 2, 3, 4 once (e.g. 1,2,4), got '" + written + "'");
                return EnumSet.allOf(StatusRequest.class);
            }
        }
        if (out.isEmpty()) {
            problems.add("options." + STATUS_QUERIES + ": at least one of 1, 2, 3, 4, or none for a printer that"
                    + " sends nothing back");
            return EnumSet.allOf(StatusRequest.class);
        }
        return out;
    }

    private static ModelText modelText(DeviceConfig config, List<String> problems) {
        String enc = config.options().getOrDefault(ENCODING, "GB18030").strip().toUpperCase(Locale.ROOT);
        Charset charset = ModelText.ENCODINGS.get(enc);
        if (charset == null) {
            problems.add("options." + ENCODING + ": one of " + new TreeSet<>(ModelText.ENCODINGS.keySet())
                    + YamlSection.didYouMean(enc, ModelText.ENCODINGS.keySet()) + ", got '"
                    + config.options().get(ENCODING) + "'");
            charset = ModelText.ENCODINGS.get("GB18030");
        }
        String replacement = config.options().getOrDefault(REPLACEMENT, ModelText.DEFAULT_REPLACEMENT);
        if (replacement.codePointCount(0, replacement.length()) != 1 || Character.isISOControl(replacement.codePointAt(0))
                || !charset.newEncoder().canEncode(replacement)) {
            problems.add("options." + REPLACEMENT + ": one printable character the model's " + charset.name()
                    + " can print (e.g. □ or ?), got '" + replacement + "'");
            replacement = "?";
        }
        boolean command = bool(config, CHINESE_MODE_COMMAND, true, problems);
        String qr = config.options().getOrDefault(QR, "native").strip().toLowerCase(Locale.ROOT);
        if (!qr.equals("native") && !qr.equals("raster")) {
            problems.add("options." + QR + ": native (the printer's GS ( k) or raster (an image, for models without"
                    + " it), got '" + config.options().get(QR) + "'" + YamlSection.didYouMean(qr, List.of("native",
                    "raster")));
            qr = "native";
        }
        int dots = number(config, PRINT_WIDTH_DOTS, 576, 96, 2_048, problems);
        return new ModelText(charset, replacement, command, qr.equals("raster"), dots);
    }

    private static int number(DeviceConfig config, String key, int dflt, int min, int max, List<String> problems) {
        return config.number(key, dflt, min, max, problems);
    }

    private static boolean bool(DeviceConfig config, String key, boolean absent, List<String> problems) {
        String v = config.options().get(key);
        if (v == null) {
            return absent;
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (!t.equals("true") && !t.equals("false")) {
            problems.add("options." + key + ": must be true or false, got '" + v + "'");
            return absent;
        }
        return t.equals("true");
    }
}
