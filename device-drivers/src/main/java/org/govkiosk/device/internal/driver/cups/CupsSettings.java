package org.govkiosk.device.internal.driver.cups;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DriverOptions;

/**
 * A CUPS document printer's settings: the queue is {@code transport.port}; options {@code cups-server}
 * ({@code host:port}, default {@code $CUPS_SERVER} when it names a host, else {@code localhost:631}),
 * {@code response-timeout} (ms, default 5000) and {@code job-timeout} (seconds a job may take, default 300).
 */
record CupsSettings(String queue, String server, Duration responseTimeout, Duration jobTimeout,
        Duration pollInterval) {

    private static final Set<String> KNOWN = Set.of("cups-server", "response-timeout", "job-timeout");

    static CupsSettings of(DeviceConfig config, List<String> problems) {
        TransportConfig t = config.transport();
        if (t.kind() != TransportConfig.Kind.SYSTEM) {
            problems.add("transport: a document printer is reached through CUPS (system), not " + t.kind()
                    .name().toLowerCase(java.util.Locale.ROOT));
        }
        String queue = t.port() == null ? "" : t.port().trim();
        if (queue.isEmpty() || !queue.matches("[A-Za-z0-9_.@-]{1,127}")) {
            problems.add("transport.port: must name a CUPS queue (letters, digits, '_', '-', '.'), got '"
                    + t.port() + "'");
        }
        String server = config.option("cups-server").orElseGet(CupsSettings::defaultServer).trim();
        if (!server.matches("[A-Za-z0-9.\\-]+:\\d{1,5}|\\[[0-9A-Fa-f:]+]:\\d{1,5}")) {
            problems.add("options.cups-server: must be host:port, e.g. localhost:631, got '" + server + "'");
        }
        Duration response = Duration.ofMillis(DriverOptions.number(config, "response-timeout", 5000, 50, 60_000,
                problems));
        Duration job = Duration.ofSeconds(DriverOptions.number(config, "job-timeout", 300, 5, 3600, problems));
        for (String key : config.options().keySet()) {
            if (!KNOWN.contains(key)) {
                problems.add("options." + key + ": unknown option for a CUPS document printer (known: "
                        + String.join(", ", new java.util.TreeSet<>(KNOWN)) + ")");
            }
        }
        return new CupsSettings(queue, server, response, job, config.pollInterval());
    }

    /** @throws IllegalArgumentException naming every problem */
    static CupsSettings require(DeviceConfig config) {
        List<String> problems = new ArrayList<>();
        CupsSettings s = of(config, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("device " + config.id() + ": " + String.join("; ", problems));
        }
        return s;
    }

    private static String defaultServer() {
        String env = System.getenv("CUPS_SERVER");
        // A socket path (/run/cups/cups.sock) is what lp would use, but IPP over HTTP needs host:port.
        return env != null && !env.isBlank() && !env.startsWith("/")
                ? (env.contains(":") ? env : env + ":631") : "localhost:631";
    }
}
