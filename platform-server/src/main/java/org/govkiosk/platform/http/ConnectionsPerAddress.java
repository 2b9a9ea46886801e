package org.govkiosk.platform.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the connections one client address holds open at once: a connection over the bound is closed as soon as
 * it opens, before it is read, so one client cannot take all of the platform's connections and threads (Jetty 11
 * bounds connections only in total). Added to a connector as a bean; counts network connections only, not the
 * HTTP connection inside a TLS one.
 */
public final class ConnectionsPerAddress implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);

    private final int max;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /**
     * Whose each counted connection is, noted when it opens: once its socket is closed (a client killed, a reset)
     * its endpoint may no longer tell the remote address, and the count would never come down.
     */
    private final ConcurrentHashMap<Connection, InetAddress> owners = new ConcurrentHashMap<>();
    /** When the last warning was logged: an attacker reconnecting over and over is logged once a minute. */
    private final java.util.concurrent.atomic.AtomicLong lastWarning =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private static final long WARN_EVERY_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

    public ConnectionsPerAddress(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        this.max = max;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress address = address(connection);
        if (address == null) {
            return;
        }
        owners.put(connection, address);
        int now = open.merge(address, 1, Integer::sum);
        if (now > max) {
            long last = lastWarning.get();
            if (System.nanoTime() - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, System.nanoTime())) {
                LOG.warn("Client {} holds {} connections, the most one address may: closing its further ones",
                        address.getHostAddress(), max);
            }
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = owners.remove(connection);
        if (address != null) {
            open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** Connections open now from {@code address}, those being closed included. */
    int openFrom(InetAddress address) {
        return open.getOrDefault(address, 0);
    }

    private static InetAddress address(Connection connection) {
        if (connection.getEndPoint() instanceof SocketChannelEndPoint endPoint
                && endPoint.getRemoteSocketAddress() instanceof InetSocketAddress remote) {
            return remote.getAddress();
        }
        return null;
    }
}
