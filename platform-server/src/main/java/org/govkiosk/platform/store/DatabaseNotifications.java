package org.govkiosk.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's LISTEN/NOTIFY, the way platform instances sharing one database tell each other what happened. A
 * notification sent inside a transaction goes out when it commits, to every listener, in commit order, and not at
 * all if it rolls back. One thread per channel listens on a connection of its own; when that connection breaks it
 * listens again on a new one and calls {@code onRelisten}, because what was sent in between is lost to it and must
 * be read back from the tables.
 */
public final class DatabaseNotifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseNotifications.class);
    /** PostgreSQL refuses payloads from 8000 bytes on. */
    public static final int MAX_PAYLOAD_BYTES = 7_999;
    private static final int POLL_MILLIS = 500;
    private static final long RETRY_MILLIS = 500;

    private final Database db;
    private final String channel;
    private final Consumer<String> onMessage;
    private final Runnable onRelisten;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    private DatabaseNotifications(Database db, String channel, Consumer<String> onMessage, Runnable onRelisten) {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.db = db;
        this.channel = channel;
        this.onMessage = onMessage;
        this.onRelisten = onRelisten;
        this.thread = new Thread(this::run, "db-listen-" + channel);
        this.thread.setDaemon(true);
    }

    /**
     * Starts listening on {@code channel} and returns once the first LISTEN is in place, so nothing committed after
     * this returns is missed.
     *
     * @throws StorageException if the database is not PostgreSQL or cannot be reached now
     */
    public static DatabaseNotifications listen(Database db, String channel, Consumer<String> onMessage,
            Runnable onRelisten) {
        if (!db.isPostgres()) {
            throw new IllegalStateException("LISTEN/NOTIFY needs PostgreSQL");
        }
        DatabaseNotifications n = new DatabaseNotifications(db, channel, onMessage, onRelisten);
        try {
            n.connection = n.connect();
        } catch (SQLException e) {
            throw new StorageException("cannot listen on " + channel + ": " + e.getMessage(), e);
        }
        n.thread.start();
        return n;
    }

    /** Sends {@code payload} on {@code channel} when {@code c}'s transaction commits. */
    public static void send(Connection c, String channel, String payload) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, channel);
            ps.setString(2, payload);
            ps.execute();
        }
    }

    private Connection connect() throws SQLException {
        Connection c = db.dataSource().getConnection();
        try {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + channel);
            }
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private void run() {
        while (!closed) {
            try {
                if (connection == null) {
                    connection = connect();
                    LOG.info("Listening on {} again", channel);
                    onRelisten.run();
                }
                PGNotification[] notes = connection.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
                if (notes != null) {
                    for (PGNotification n : notes) {
                        deliver(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("Listening on {} failed, again in {} ms: {}", channel, RETRY_MILLIS, e.toString());
                closeQuietly(connection);
                connection = null;
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void deliver(String payload) {
        try {
            onMessage.accept(payload);
        } catch (RuntimeException e) {
            // One bad message must not stop the listening; the tables still hold what it said.
            LOG.warn("Notification on {} not handled: {}", channel, e.toString());
        }
    }

    private void closeQuietly(Connection c) {
        if (c != null) {
            db.evict(c);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(connection);
    }
}
