package org.govkiosk.app.diag;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;

/**
 * Which device a diag command opens: a configured one by id, or one named on the command line with
 * {@code --family F --port P}, where P is a path (serial), HOST:PORT (tcp) or an OS name (a PC/SC reader, a CUPS
 * queue).
 */
final class DeviceTarget {

    private static final Pattern HOST_PORT = Pattern.compile("(.+):(\\d{1,5})");
    private static final int DEFAULT_BAUD = 115_200;

    private DeviceTarget() {
    }

    /** Whether the command names its device on the command line (then no configuration is needed). */
    static boolean adHoc(DiagArgs args) {
        return args.family().isPresent() || args.port().isPresent();
    }

    /** The device from the command line; @throws IllegalArgumentException when it is not fully named */
    static DeviceConfig fromArgs(DiagArgs args) {
        if (args.deviceId().isPresent()) {
            throw new IllegalArgumentException("give either a DEVICE-ID or --family and --port, not both");
        }
        String familyName = args.family().orElseThrow(() -> new IllegalArgumentException("--port needs --family"));
        String port = args.port().orElseThrow(() -> new IllegalArgumentException("--family needs --port"));
        DeviceFamily family = DeviceFamily.fromConfigName(familyName).orElseThrow(() -> new IllegalArgumentException(
                "unknown device family '" + familyName + "'; known: " + Arrays.stream(DeviceFamily.values())
                        .map(DeviceFamily::configName).collect(Collectors.joining(", "))));
        Matcher hostPort = HOST_PORT.matcher(port);
        TransportConfig transport;
        if (port.startsWith("/dev/usb/lp")) {
            transport = TransportConfig.usb(port); // the USB printer class: a node, no line settings
        } else if (port.startsWith("/")) {
            transport = TransportConfig.serial(port, args.baud().orElse(DEFAULT_BAUD));
        } else if (hostPort.matches()) {
            transport = TransportConfig.tcp(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
        } else {
            transport = new TransportConfig(TransportConfig.Kind.SYSTEM, port, 0, null, 0);
        }
        return new DeviceConfig("diag-" + family.configName(), family, args.model().orElse(null), transport, true,
                null, null, null);
    }

    /** A configured device, switched on even if devices.yaml disables it: the technician asked for it. */
    static Optional<DeviceConfig> fromConfig(TerminalConfig config, String id) {
        return config.devices().stream().filter(d -> d.id().equals(id)).findFirst()
                .map(d -> new DeviceConfig(d.id(), d.family(), d.model(), d.transport(), true, d.pollInterval(),
                        d.silenceTimeout(), d.options()));
    }
}
