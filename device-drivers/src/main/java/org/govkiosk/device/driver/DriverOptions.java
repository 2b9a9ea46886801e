package org.govkiosk.device.driver;

import java.time.Duration;
import java.util.List;
import org.govkiosk.device.DeviceConfig;

/** Reading a driver's numeric options, with a problem naming the key when one is wrong. */
public final class DriverOptions {

    private DriverOptions() {
    }

    /** {@link DeviceConfig#number}: the one rule for numeric options. */
    public static int number(DeviceConfig config, String key, int dflt, int min, int max, List<String> problems) {
        return config.number(key, dflt, min, max, problems);
    }

    /** The {@code response-timeout} option in milliseconds: how long to wait for a device's answer. */
    public static Duration responseTimeout(DeviceConfig config, List<String> problems) {
        return Duration.ofMillis(number(config, "response-timeout", 1000, 50, 30_000, problems));
    }
}
