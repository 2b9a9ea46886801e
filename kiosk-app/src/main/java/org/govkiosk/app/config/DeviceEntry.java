package org.govkiosk.app.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.TransportConfig.Kind;
import org.govkiosk.shared.config.YamlSection;

/**
 * One entry of devices.yaml, checked on its own, with the key it stands at ({@code devices[1]}) so later checks
 * (duplicate ids) can still point into the file. {@link #toDeviceConfig} gives the device API's view.
 */
record DeviceEntry(String key, String id, DeviceFamily family, String model, Kind transport, String port, int baud,
        String host, int tcpPort, boolean enabled, Duration pollInterval, Duration silenceTimeout,
        Map<String, String> options) {

    static final int DEFAULT_BAUD = 115_200;

    static final String[] KEYS = {"id", "family", "model", "transport", "port", "baud", "host", "tcp-port",
        "enabled", "poll-interval", "silence-timeout", "options"};

    DeviceConfig toDeviceConfig() {
        TransportConfig t = new TransportConfig(transport, port, transport == Kind.SERIAL ? baud : 0, host, tcpPort);
        return new DeviceConfig(id, family, model, t, enabled, pollInterval, silenceTimeout, options);
    }

    /** Reads one entry; every problem goes to the section's list, and an entry with any problem is empty. */
    static Optional<DeviceEntry> read(YamlSection s) {
        int before = s.problemCount();
        s.onlyKeys(KEYS);
        String id = s.string("id", true).orElse(null);
        Optional<DeviceFamily> family = s.string("family", true).flatMap(name -> family(s, name));
        String model = s.string("model", false).orElse(null);
        Optional<Kind> kind = s.string("transport", true).flatMap(name -> transport(s, name));
        String port = s.string("port", false).orElse(null);
        int baud = s.integer("baud", 1200, 4_000_000).orElse(DEFAULT_BAUD);
        String host = s.string("host", false).orElse(null);
        int tcpPort = s.integer("tcp-port", 1, 65_535).orElse(0);
        boolean enabled = s.bool("enabled").orElse(true);
        // A zero poll interval would spin a scheduler thread; a few ms is the least a device can answer in.
        Duration poll = s.duration("poll-interval", Duration.ofMillis(10)).orElse(null);
        Duration silence = s.duration("silence-timeout", Duration.ofMillis(100)).orElse(null);
        Map<String, String> options = s.stringMap("options");
        kind.ifPresent(k -> checkTransportKeys(s, k));
        if (s.problemCount() > before || id == null || family.isEmpty() || kind.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeviceEntry(s.path(), id, family.get(), model, kind.get(), port, baud, host, tcpPort,
                enabled, poll, silence, options));
    }

    private static Optional<DeviceFamily> family(YamlSection s, String name) {
        Optional<DeviceFamily> family = DeviceFamily.fromConfigName(name);
        if (family.isEmpty()) {
            s.problem(s.key("family"), "unknown device family '" + name + "'; known: " + Arrays.stream(
                    DeviceFamily.values()).map(DeviceFamily::configName).collect(Collectors.joining(", ")));
        }
        return family;
    }

    private static Optional<Kind> transport(YamlSection s, String name) {
        for (Kind k : Kind.values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(k);
            }
        }
        s.problem(s.key("transport"), "unknown transport '" + name + "'; known: " + Arrays.stream(Kind.values())
                .map(k -> k.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        return Optional.empty();
    }

    /**
     * What each transport needs, and keys that belong to another transport (a serial port left on a tcp printer is
     * a copy-paste mistake worth showing). A simulator ignores them all, so a technician can switch a real device
     * to its simulator for training without deleting its address.
     */
    private static void checkTransportKeys(YamlSection s, Kind kind) {
        switch (kind) {
            case SERIAL -> {
                if (!s.has("port")) {
                    s.problem(s.key("port"), "required for transport serial (a path such as /dev/ttyUSB0)");
                }
                notUsed(s, kind, "host", "tcp-port");
            }
            case TCP -> {
                if (!s.has("host")) {
                    s.problem(s.key("host"), "required for transport tcp (the device's address)");
                }
                if (!s.has("tcp-port")) {
                    s.problem(s.key("tcp-port"), "required for transport tcp (9100 for most printers)");
                }
                notUsed(s, kind, "port", "baud");
            }
            case SYSTEM -> notUsed(s, kind, "baud", "host", "tcp-port");
            case USB -> {
                if (!s.has("port")) {
                    s.problem(s.key("port"), "required for transport usb (the printer's node, e.g. /dev/usb/lp0)");
                }
                notUsed(s, kind, "baud", "host", "tcp-port");
            }
            case SIMULATOR -> { }
        }
    }

    private static void notUsed(YamlSection s, Kind kind, String... keys) {
        for (String k : keys) {
            if (s.has(k)) {
                s.problem(s.key(k), "not used with transport " + kind.name().toLowerCase(Locale.ROOT));
            }
        }
    }
}
