package org.govkiosk.device.internal.driver.wedge;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.driver.DriverOptions;

/**
 * Options of a keyboard-wedge scanner: {@code min-length} (shortest code, default 4), {@code max-key-gap} (ms
 * between two keys of one code, default 50; people type with 100 ms and more), {@code debounce} (ms in which
 * the same code again is the same presentation, default 1500).
 */
public record KeyboardWedgeSettings(int minLength, Duration maxKeyGap, Duration debounce) {

    private static final Set<String> KEYS = Set.of("min-length", "max-key-gap", "debounce");

    static KeyboardWedgeSettings of(DeviceConfig config, List<String> problems) {
        for (String key : config.options().keySet()) {
            if (!KEYS.contains(key)) {
                problems.add("options." + key + ": unknown option for a keyboard-wedge scanner; known: "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        int min = DriverOptions.number(config, "min-length", 4, 1, 1000, problems);
        int gap = DriverOptions.number(config, "max-key-gap", 50, 5, 500, problems);
        int debounce = DriverOptions.number(config, "debounce", 1500, 0, 60_000, problems);
        return new KeyboardWedgeSettings(min, Duration.ofMillis(gap), Duration.ofMillis(debounce));
    }
}
