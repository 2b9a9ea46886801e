package org.govkiosk.device.transport;

import org.govkiosk.device.TransportConfig;

/** Makes the byte transport a config names, not yet open; simulator and system links are the registry's business. */
public final class Transports {

    private Transports() {
    }

    /**
     * The serial ports the OS shows (path → description), sorted by path, for the technicians' {@code diag ports}.
     * Pseudo-terminals are not listed: the OS does not enumerate them.
     */
    public static java.util.SortedMap<String, String> serialPorts() {
        java.util.SortedMap<String, String> ports = new java.util.TreeMap<>();
        for (com.fazecast.jSerialComm.SerialPort p : com.fazecast.jSerialComm.SerialPort.getCommPorts()) {
            ports.put(p.getSystemPortPath(), p.getPortDescription());
        }
        return ports;
    }

    /**
     * A {@link SerialTransport} for {@code SERIAL}, a {@link TcpTransport} for {@code TCP}, a
     * {@link UsbPrinterTransport} for {@code USB}.
     *
     * @throws IllegalArgumentException for {@code SIMULATOR} and {@code SYSTEM}, or a config that lacks its
     *         port, host or a valid number (the registry's validation reports those first)
     */
    public static Transport create(TransportConfig config) {
        return switch (config.kind()) {
            case SERIAL -> new SerialTransport(config.port(), config.baudRate());
            case TCP -> new TcpTransport(config.host(), config.tcpPort());
            case USB -> new UsbPrinterTransport(config.port());
            case SIMULATOR, SYSTEM -> throw new IllegalArgumentException("no byte transport for " + config.kind()
                    + "; the device registry wires those");
        };
    }
}
