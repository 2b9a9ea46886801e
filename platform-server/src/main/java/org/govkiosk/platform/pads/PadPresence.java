package org.govkiosk.platform.pads;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which pads stream from which instance, in the database ({@code pad_streams}), so that a rating request's
 * {@code padsReached} counts the window's pads wherever they are connected. Each instance stamps its one row of
 * {@code pad_instances} at every heartbeat (not each of its streams: thousands of row writes every pass); streams of
 * an instance not seen for three heartbeats (it died) no longer count and are purged. A stream whose instance has no
 * row (an instance of the earlier version, which stamps its streams) counts by its own stamp. Only used where
 * instances share the database (PostgreSQL); a failure here is logged and never ends a stream.
 */
class PadPresence {

    private static final Logger LOG = LoggerFactory.getLogger(PadPresence.class);

    private final Database db;
    private final Clock clock;
    private final Duration stale;
    private final String instance = UUID.randomUUID().toString();

    PadPresence(Database db, Clock clock, Duration heartbeat) {
        this.db = db;
        this.clock = clock;
        this.stale = heartbeat.multipliedBy(3);
    }

    /** This instance is alive now (its streams count), in the same transaction as what {@code conn} does. */
    private void stamp(java.sql.Connection conn, long now) throws java.sql.SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO pad_instances (instance_id, seen_at)"
                + " VALUES (?, ?) ON CONFLICT (instance_id) DO UPDATE SET seen_at = EXCLUDED.seen_at")) {
            ps.setString(1, instance);
            ps.setLong(2, now);
            ps.executeUpdate();
        }
    }

    void opened(PadConnection c) {
        run("record a pad stream", () -> db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO pad_streams (stream_id, instance_id,"
                    + " pad_id, hall_code, window_id, seen_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, c.streamId());
                ps.setString(2, instance);
                ps.setString(3, c.binding().padId());
                ps.setString(4, c.binding().hallCode());
                ps.setString(5, c.binding().windowId());
                ps.setLong(6, clock.millis());
                ps.executeUpdate();
            }
            // Counted at once: by its own seen_at until this instance's first stamp (SEEN), which follows within a
            // slice of the heartbeat.
            return null;
        }));
    }

    void closed(PadConnection c) {
        closed(java.util.List.of(c));
    }

    /**
     * Forgets many streams in one transaction: when many pads vanish at once (the balancer restarted, a network
     * cut) the heartbeat finds them all in one pass, and a transaction each (a commit flushed to disk each) held up
     * that pass, and the comments of the live streams, for long enough that the balancer timed those out too.
     */
    void closed(java.util.Collection<PadConnection> gone) {
        if (gone.isEmpty()) {
            return;
        }
        run("forget " + gone.size() + " pad streams", () -> db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM pad_streams WHERE stream_id = ?")) {
                for (PadConnection c : gone) {
                    ps.setString(1, c.streamId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        }));
    }

    /** A stream's last sign of life: its instance's stamp, or its own where its instance keeps none. */
    private static final String SEEN = "COALESCE((SELECT i.seen_at FROM pad_instances i"
            + " WHERE i.instance_id = pad_streams.instance_id), pad_streams.seen_at)";

    /** This instance's streams are alive (one row); the streams and stamps of instances not seen for long go. */
    void refresh() {
        run("refresh the pad streams", () -> db.inTransaction(conn -> {
            long now = clock.millis();
            long before = now - stale.toMillis();
            stamp(conn, now);
            try (PreparedStatement streams = conn.prepareStatement("DELETE FROM pad_streams WHERE " + SEEN + " < ?");
                    PreparedStatement instances = conn.prepareStatement(
                            "DELETE FROM pad_instances WHERE seen_at < ?")) {
                streams.setLong(1, before);
                streams.executeUpdate();
                instances.setLong(1, before);
                instances.executeUpdate();
            }
            return null;
        }));
    }

    /** Pads of the window streaming from other instances now, those among {@code here} left out. */
    int elsewhere(WindowKey window, Set<String> here) {
        try {
            Set<String> pads = db.inTransaction(conn -> {
                try (PreparedStatement ps = conn.prepareStatement("SELECT DISTINCT pad_id FROM pad_streams"
                        + " WHERE hall_code = ? AND window_id = ? AND instance_id <> ? AND " + SEEN + " >= ?")) {
                    ps.setString(1, window.hallCode());
                    ps.setString(2, window.windowId());
                    ps.setString(3, instance);
                    ps.setLong(4, Instant.now(clock).minus(stale).toEpochMilli());
                    Set<String> out = new HashSet<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                    return out;
                }
            });
            pads.removeAll(here);
            return pads.size();
        } catch (StorageException e) {
            LOG.warn("Pads at other instances not counted: {}", e.getMessage());
            return 0;
        }
    }

    /** This instance stops: its rows go at once. */
    void closeAll() {
        run("forget this instance's pad streams", () -> db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM pad_streams WHERE instance_id = ?");
                    PreparedStatement stampGone = conn.prepareStatement(
                            "DELETE FROM pad_instances WHERE instance_id = ?")) {
                ps.setString(1, instance);
                ps.executeUpdate();
                stampGone.setString(1, instance);
                stampGone.executeUpdate();
            }
            return null;
        }));
    }

    private static void run(String what, Runnable work) {
        try {
            work.run();
        } catch (StorageException e) {
            LOG.warn("Could not {}: {}", what, e.getMessage());
        }
    }

    /** For a single process (H2): nothing to share. */
    static PadPresence none() {
        return new PadPresence(null, Clock.systemUTC(), Duration.ofSeconds(1)) {
            @Override
            void opened(PadConnection c) {
            }

            @Override
            void closed(PadConnection c) {
            }

            @Override
            void closed(java.util.Collection<PadConnection> gone) {
            }

            @Override
            void refresh() {
            }

            @Override
            int elsewhere(WindowKey window, Set<String> here) {
                return 0;
            }

            @Override
            void closeAll() {
            }
        };
    }
}
