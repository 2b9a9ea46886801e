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
 * {@code padsReached} counts the window's pads wherever they are connected. Each instance refreshes its rows at
 * every heartbeat; rows not refreshed for three heartbeats (their instance died) no longer count and are purged.
 * Only used where instances share the database (PostgreSQL); a failure here is logged and never ends a stream.
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

    /** This instance's streams are alive; every instance's rows not refreshed for long go. */
    void refresh() {
        run("refresh the pad streams", () -> db.inTransaction(conn -> {
            long now = clock.millis();
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE pad_streams SET seen_at = ? WHERE instance_id = ?");
                    PreparedStatement purge = conn.prepareStatement("DELETE FROM pad_streams WHERE seen_at < ?")) {
                ps.setLong(1, now);
                ps.setString(2, instance);
                ps.executeUpdate();
                purge.setLong(1, now - stale.toMillis());
                purge.executeUpdate();
            }
            return null;
        }));
    }

    /** Pads of the window streaming from other instances now, those among {@code here} left out. */
    int elsewhere(WindowKey window, Set<String> here) {
        try {
            Set<String> pads = db.inTransaction(conn -> {
                try (PreparedStatement ps = conn.prepareStatement("SELECT DISTINCT pad_id FROM pad_streams"
                        + " WHERE hall_code = ? AND window_id = ? AND instance_id <> ? AND seen_at >= ?")) {
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
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM pad_streams WHERE instance_id = ?")) {
                ps.setString(1, instance);
                ps.executeUpdate();
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
