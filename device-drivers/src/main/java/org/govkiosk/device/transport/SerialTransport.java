package org.govkiosk.device.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial port on jSerialComm, opened by its explicit path (so pseudo-terminals and /dev/serial/by-id links
 * work), 8N1, no flow control. A daemon reader thread delivers what arrives; a read error, an error from
 * {@code bytesAvailable} or the device node vanishing (USB unplug, pty peer gone) is reported once as a
 * disconnect. A local {@link #close()} is never reported.
 */
public final class SerialTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(SerialTransport.class);
    /** How often the reader wakes up to notice a close or a vanished node; VTIME has 100 ms steps. */
    private static final int READ_TIMEOUT_MS = 100;
    private static final long JOIN_MS = 2_000;
    // errno values jSerialComm reports from open(2) and flock(2) on Linux.
    private static final int EPERM = 1;
    private static final int ENOENT = 2;
    private static final int EAGAIN = 11;
    private static final int EACCES = 13;
    private static final int EBUSY = 16;

    private final String path;
    private final int baudRate;
    private final Object lock = new Object();
    private final Object writeLock = new Object();
    private volatile SerialPort port;
    private Thread reader;

    public SerialTransport(String path, int baudRate) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a serial transport needs a port path");
        }
        if (baudRate <= 0) {
            throw new IllegalArgumentException("baud rate must be positive, was " + baudRate);
        }
        this.path = path;
        this.baudRate = baudRate;
    }

    @Override
    public void open(TransportListener listener) throws DeviceException {
        synchronized (lock) {
            if (port != null) {
                throw new DeviceException(DeviceException.Code.PORT_IN_USE, DeviceStatusDetail.PORT_IN_USE,
                        path + " is already open by this transport");
            }
            Path node = Paths.get(path);
            // Checked here because jSerialComm reports every open failure as a bare errno.
            if (!Files.exists(node)) {
                throw new DeviceException(DeviceException.Code.PORT_NOT_FOUND, DeviceStatusDetail.PORT_NOT_FOUND,
                        path + " does not exist");
            }
            if (!Files.isReadable(node) || !Files.isWritable(node)) {
                throw permissionDenied();
            }
            SerialPort candidate = SerialPort.getCommPort(path);
            candidate.setComPortParameters(baudRate, SerialFrame.EIGHT_N_ONE.dataBits(), SerialPort.ONE_STOP_BIT,
                    SerialPort.NO_PARITY); // SerialFrame.EIGHT_N_ONE: line timing counts on it
            candidate.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
            candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                    READ_TIMEOUT_MS, 0);
            if (!candidate.openPort()) {
                throw openFailure(candidate.getLastErrorCode(), candidate.getLastErrorLocation(), node);
            }
            port = candidate;
            Thread t = new Thread(() -> readLoop(candidate, listener), "serial-reader-" + node.getFileName());
            t.setDaemon(true);
            reader = t;
            t.start();
            LOG.debug("Opened {}", describe());
        }
    }

    private DeviceException openFailure(int errno, int location, Path node) {
        String where = " (errno " + errno + " at jSerialComm line " + location + ")";
        return switch (errno) {
            case EACCES, EPERM -> permissionDenied();
            case EBUSY, EAGAIN -> new DeviceException(DeviceException.Code.PORT_IN_USE,
                    DeviceStatusDetail.PORT_IN_USE, path + " is held by another program" + where);
            // jSerialComm also reports 2 when this process already has the port open under another object.
            case ENOENT -> Files.exists(node)
                    ? new DeviceException(DeviceException.Code.PORT_IN_USE, DeviceStatusDetail.PORT_IN_USE,
                            path + " is already open in this process" + where)
                    : new DeviceException(DeviceException.Code.PORT_NOT_FOUND, DeviceStatusDetail.PORT_NOT_FOUND,
                            path + " vanished while opening" + where);
            default -> new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.COMMUNICATION_ERROR,
                    path + " could not be opened" + where);
        };
    }

    private DeviceException permissionDenied() {
        return new DeviceException(DeviceException.Code.PORT_PERMISSION_DENIED,
                DeviceStatusDetail.PORT_PERMISSION_DENIED,
                path + " is not readable and writable by this user (add the user to the dialout group)");
    }

    private void readLoop(SerialPort p, TransportListener listener) {
        byte[] buffer = new byte[4096];
        Path node = Paths.get(path);
        String lost = null;
        while (port == p) {
            int n = p.readBytes(buffer, buffer.length);
            if (port != p) {
                break;
            }
            if (n > 0) {
                listener.onData(Arrays.copyOf(buffer, n));
            } else if (n < 0) {
                lost = "read failed (errno " + p.getLastErrorCode() + ")";
            } else if (p.bytesAvailable() < 0) {
                lost = "port reports an error (errno " + p.getLastErrorCode() + ")";
            } else if (!Files.exists(node)) {
                lost = "device node vanished";
            }
            if (lost != null) {
                break;
            }
        }
        boolean report;
        synchronized (lock) {
            // A local close() also ends the loop; only a loss the owner did not ask for is reported.
            report = lost != null && port == p;
            if (report) {
                port = null;
                reader = null;
                p.closePort();
            }
        }
        if (report) {
            LOG.debug("{} lost: {}", describe(), lost);
            listener.onDisconnected(new DeviceException(DeviceException.Code.DISCONNECTED,
                    DeviceStatusDetail.DISCONNECTED, path + ": " + lost));
        }
    }

    @Override
    public void write(byte[] data) throws DeviceException {
        SerialPort p = port;
        if (p == null) {
            throw new DeviceException(DeviceException.Code.NOT_CONNECTED, DeviceStatusDetail.DISCONNECTED,
                    path + " is not open");
        }
        // One writer at a time so two frames never interleave on the wire.
        synchronized (writeLock) {
            int offset = 0;
            while (offset < data.length) {
                int n = p.writeBytes(data, data.length - offset, offset);
                if (n <= 0) {
                    throw new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.COMMUNICATION_ERROR,
                            path + ": write failed (errno " + p.getLastErrorCode() + ")");
                }
                offset += n;
            }
        }
    }

    @Override
    public boolean isOpen() {
        return port != null;
    }

    @Override
    public void close() {
        SerialPort p;
        Thread t;
        synchronized (lock) {
            p = port;
            t = reader;
            port = null;
            reader = null;
        }
        if (p == null) {
            return;
        }
        // Let the reader leave its native read before the descriptor goes away under it.
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(JOIN_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        p.closePort();
        LOG.debug("Closed {}", describe());
    }

    @Override
    public String describe() {
        return "serial:" + path + "@" + baudRate;
    }
}
