package org.govkiosk.device;

import java.util.Objects;

/**
 * How to reach a device. {@code SERIAL} needs {@code port} (an explicit path such as /dev/ttyUSB0 or a pty),
 * {@code TCP} needs {@code host} and {@code tcpPort}, {@code USB} a USB printer class device node in {@code port}
 * ({@code /dev/usb/lp0}), {@code SIMULATOR} runs the device's simulator in-process,
 * {@code SYSTEM} uses an OS service (PC/SC, CUPS) named by {@code port}.
 */
public record TransportConfig(Kind kind, String port, int baudRate, String host, int tcpPort) {

    public enum Kind { SERIAL, TCP, SIMULATOR, SYSTEM, USB }

    public TransportConfig {
        Objects.requireNonNull(kind, "kind");
    }

    public static TransportConfig simulator() {
        return new TransportConfig(Kind.SIMULATOR, null, 0, null, 0);
    }

    public static TransportConfig serial(String port, int baudRate) {
        return new TransportConfig(Kind.SERIAL, port, baudRate, null, 0);
    }

    public static TransportConfig tcp(String host, int tcpPort) {
        return new TransportConfig(Kind.TCP, null, 0, host, tcpPort);
    }

    public static TransportConfig usb(String deviceNode) {
        return new TransportConfig(Kind.USB, deviceNode, 0, null, 0);
    }

    public String describe() {
        return switch (kind) {
            case SERIAL -> port + "@" + baudRate;
            case TCP -> host + ":" + tcpPort;
            case SIMULATOR -> "simulator";
            case SYSTEM -> "system:" + port;
            case USB -> "usb:" + port;
        };
    }
}
