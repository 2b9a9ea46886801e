package org.govkiosk.device;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One device as configured: what it is, how to reach it, and family-specific options (validated by the
 * family's {@link org.govkiosk.device.driver.DriverFactory}).
 *
 * @param silenceTimeout how long a connected device may stay silent before it counts as lost
 */
public record DeviceConfig(
        String id,
        DeviceFamily family,
        String model,
        TransportConfig transport,
        boolean enabled,
        Duration pollInterval,
        Duration silenceTimeout,
        Map<String, String> options) {

    public DeviceConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(transport, "transport");
        model = model == null ? "generic" : model;
        pollInterval = pollInterval == null ? Duration.ofMillis(300) : pollInterval;
        silenceTimeout = silenceTimeout == null ? Duration.ofSeconds(10) : silenceTimeout;
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public static DeviceConfig simulated(String id, DeviceFamily family) {
        return new DeviceConfig(id, family, null, TransportConfig.simulator(), true, null, null, null);
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    /**
     * A whole-number option from {@code min} to {@code max}, {@code dflt} when absent; a wrong one is added to
     * {@code problems} naming the key ({@code options.KEY: ...}) and {@code dflt} is returned. One rule for every
     * driver's numeric options.
     */
    public int number(String key, int dflt, int min, int max, java.util.List<String> problems) {
        String v = options.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add("options." + key + ": must be a whole number from " + min + " to " + max + ", got '" + v + "'");
        return dflt;
    }
}
