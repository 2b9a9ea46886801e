package org.govkiosk.device.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP byte link, e.g. to a network receipt printer on port 9100. A daemon reader thread delivers what
 * arrives; the peer closing the connection or a read error is reported once as a disconnect, a local
 * {@link #close()} never.
 */
public final class TcpTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final String host;
    private final int port;
    private final int connectTimeoutMs;
    private final Object lock = new Object();
    private final Object writeLock = new Object();
    private volatile Socket socket;
    private boolean connecting;
    /** Counts close() calls, so a close during a slow connect is not undone when the connect completes. */
    private long closes;

    public TcpTransport(String host, int port) {
        this(host, port, DEFAULT_CONNECT_TIMEOUT);
    }

    public TcpTransport(String host, int port, Duration connectTimeout) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a TCP transport needs a host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("TCP port must be 1..65535, was " + port);
        }
        this.host = host;
        this.port = port;
        this.connectTimeoutMs = (int) Math.max(1, connectTimeout.toMillis());
    }

    @Override
    public void open(TransportListener listener) throws DeviceException {
        long generation;
        synchronized (lock) {
            if (socket != null || connecting) {
                throw new DeviceException(DeviceException.Code.PORT_IN_USE, DeviceStatusDetail.PORT_IN_USE,
                        describe() + " is already open");
            }
            connecting = true;
            generation = closes;
        }
        // Connect outside the lock: close() from another thread must not wait for a slow peer.
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(host, port), connectTimeoutMs);
        } catch (IOException e) {
            closeQuietly(s);
            synchronized (lock) {
                connecting = false;
            }
            throw connectFailure(e);
        }
        synchronized (lock) {
            connecting = false;
            if (closes != generation) {
                closeQuietly(s);
                throw new DeviceException(DeviceException.Code.NOT_CONNECTED, DeviceStatusDetail.DISCONNECTED,
                        describe() + " was closed while connecting");
            }
            socket = s;
        }
        Thread t = new Thread(() -> readLoop(s, listener), "tcp-reader-" + host + ":" + port);
        t.setDaemon(true);
        t.start();
        LOG.debug("Connected {}", describe());
    }

    private DeviceException connectFailure(IOException e) {
        String why = describe() + ": " + e.getMessage();
        if (e instanceof UnknownHostException) {
            return new DeviceException(DeviceException.Code.PORT_NOT_FOUND, DeviceStatusDetail.PORT_NOT_FOUND,
                    describe() + ": unknown host " + host, e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            // Refused or unreachable: the printer is off or its network is down; worth retrying later.
            return new DeviceException(DeviceException.Code.PORT_NOT_FOUND, DeviceStatusDetail.PORT_NOT_FOUND, why, e);
        }
        if (e instanceof SocketTimeoutException) {
            return new DeviceException(DeviceException.Code.TIMEOUT, DeviceStatusDetail.DISCONNECTED,
                    describe() + ": no answer within " + connectTimeoutMs + " ms", e);
        }
        return new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.COMMUNICATION_ERROR, why, e);
    }

    private void readLoop(Socket s, TransportListener listener) {
        byte[] buffer = new byte[4096];
        String lost;
        try {
            InputStream in = s.getInputStream();
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    lost = "peer closed the connection";
                    break;
                }
                if (n > 0) {
                    listener.onData(Arrays.copyOf(buffer, n));
                }
            }
        } catch (IOException e) {
            lost = "read failed: " + e.getMessage();
        }
        boolean report;
        synchronized (lock) {
            // After a local close() the read fails too; that is not a loss to report.
            report = socket == s;
            if (report) {
                socket = null;
            }
        }
        closeQuietly(s);
        if (report) {
            LOG.debug("{} lost: {}", describe(), lost);
            listener.onDisconnected(new DeviceException(DeviceException.Code.DISCONNECTED,
                    DeviceStatusDetail.DISCONNECTED, describe() + ": " + lost));
        }
    }

    @Override
    public void write(byte[] data) throws DeviceException {
        Socket s = socket;
        if (s == null) {
            throw new DeviceException(DeviceException.Code.NOT_CONNECTED, DeviceStatusDetail.DISCONNECTED,
                    describe() + " is not open");
        }
        synchronized (writeLock) {
            try {
                OutputStream out = s.getOutputStream();
                out.write(data);
                out.flush();
            } catch (IOException e) {
                throw new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.COMMUNICATION_ERROR,
                        describe() + ": write failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public boolean isOpen() {
        return socket != null;
    }

    @Override
    public void close() {
        Socket s;
        synchronized (lock) {
            closes++;
            s = socket;
            socket = null;
        }
        if (s != null) {
            // Unblocks the reader, which then sees it was not a loss.
            closeQuietly(s);
            LOG.debug("Closed {}", describe());
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    @Override
    public String describe() {
        return "tcp:" + host + ":" + port;
    }
}
