package org.govkiosk.device.internal.driver.ratingpad;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.internal.codec.ratingpad.TextCharset;
import org.govkiosk.device.driver.DriverOptions;

/**
 * A rating pad's options: {@code response-timeout} (ms to wait for an ACK; default 1000), {@code show-attempts}
 * (how often a command goes out before the pad counts as lost; default 3), {@code debounce} (ms after an accepted
 * key press in which further presses are taps of the same citizen; default 400, 0 = off), {@code charset} (utf-8
 * or gb18030, how texts are sent; default utf-8), and for the simulator {@code sim.heartbeat} (ms between
 * HEARTBEAT frames; default 2000, 0 = none).
 * <p>Two options are the terminal's, checked here so devices.yaml is checked in one place: {@code window-pad}
 * (true: the pad-mode terminal puts its window's rating requests on this pad; default false) and
 * {@code bad-rating-reasons} ({@code screen}: a bad key asks for reasons on the terminal's screen, the default;
 * {@code phone}: they are left to the phone page).
 */
record RatingPadSettings(Duration responseTimeout, int attempts, Duration debounce, TextCharset charset,
        Duration simHeartbeat) {

    /** Read by the terminal (kiosk-app), not the driver: see the class comment. */
    static final String WINDOW_PAD = "window-pad";
    static final String BAD_RATING_REASONS = "bad-rating-reasons";

    private static final Set<String> KEYS = Set.of("response-timeout", "show-attempts", "debounce", "charset",
            "sim.heartbeat", WINDOW_PAD, BAD_RATING_REASONS);

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
        config.option(WINDOW_PAD).filter(v -> !v.equals("true") && !v.equals("false")).ifPresent(v ->
                problems.add("options." + WINDOW_PAD + ": must be true or false, got '" + v + "'"));
        config.option(BAD_RATING_REASONS).filter(v -> !v.equals("screen") && !v.equals("phone")).ifPresent(v ->
                problems.add("options." + BAD_RATING_REASONS + ": must be screen or phone, got '" + v + "'"));
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
