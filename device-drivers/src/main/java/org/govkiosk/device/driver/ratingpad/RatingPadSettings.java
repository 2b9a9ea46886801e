package org.govkiosk.device.driver.ratingpad;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.codec.ratingpad.TextCharset;
import org.govkiosk.device.driver.DriverOptions;

/**
 * A rating pad's options: {@code response-timeout} (ms to wait for an ACK; default 1000), {@code show-attempts}
 * (how often a command goes out before the pad counts as lost; default 3), {@code debounce} (ms after an accepted
 * key press in which further presses are taps of the same citizen; default 400, 0 = off), {@code charset} (utf-8
 * or gb18030, how texts are sent; default utf-8), and for the simulator {@code sim.heartbeat} (ms between
 * HEARTBEAT frames; default 2000, 0 = none).
 */
record RatingPadSettings(Duration responseTimeout, int attempts, Duration debounce, TextCharset charset,
        Duration simHeartbeat) {

    private static final Set<String> KEYS = Set.of("response-timeout", "show-attempts", "debounce", "charset",
            "sim.heartbeat");

    static RatingPadSettings of(DeviceConfig config, List<String> problems) {
        for (String key : new TreeSet<>(config.options().keySet())) {
            if (!KEYS.contains(key)) {
                problems.add("options." + key + ": unknown option for a rating pad; known: " + new TreeSet<>(KEYS));
            }
        }
        Duration timeout = DriverOptions.responseTimeout(config, problems);
        int attempts = DriverOptions.number(config, "show-attempts", 3, 1, 10, problems);
        Duration debounce = Duration.ofMillis(DriverOptions.number(config, "debounce", 400, 0, 5_000, problems));
        TextCharset charset = config.option("charset").map(c -> TextCharset.fromConfig(c).orElseGet(() -> {
            problems.add("options.charset: must be utf-8 or gb18030, got '" + c + "'");
            return TextCharset.UTF_8;
        })).orElse(TextCharset.UTF_8);
        Duration heartbeat = Duration.ofMillis(DriverOptions.number(config, "sim.heartbeat", 2000, 0, 60_000,
                problems));
        return new RatingPadSettings(timeout, attempts, debounce, charset, heartbeat);
    }

    static RatingPadSettings require(DeviceConfig config) {
        List<String> problems = new ArrayList<>();
        RatingPadSettings s = of(config, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("device '" + config.id() + "': " + String.join("; ", problems));
        }
        return s;
    }
}
