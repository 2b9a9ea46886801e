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
}
