package org.govkiosk.platform.pads;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.govkiosk.platform.store.Database;

/** SQL of the rating requests. No policy here: {@link RatingRequestService} decides. */
final class RatingRequestStore {

    private static final String COLUMNS = "request_id, event_id, hall_code, window_id, case_number, service_sequence,"
            + " item_code, item_name, clerk_id, clerk_name, requested_at, expires_at, state, closed_event_id";

    private final Database db;

    RatingRequestStore(Database db) {
        this.db = db;
    }

    /**
     * Work on one window in one transaction. On PostgreSQL the window's advisory lock is held until the commit, so
     * the instances sharing the database give a window's event ids and commit them in the same order: a pad that
     * saw id n never later meets a smaller id committed after it (its Last-Event-ID replay would skip that one).
     * On H2 one process owns the database and the caller's in-process lock does this.
     */
    <T> T inWindow(WindowKey w, Database.Work<T> work) {
        return db.inTransaction(c -> {
            if (db.isPostgres()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    ps.setLong(1, lockKey(w));
                    ps.execute();
                }
            }
            return work.run(c);
        });
    }

    static long lockKey(WindowKey w) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("govkiosk-pad-window:" + w.hallCode() + "/"
                    + w.windowId()).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = key << 8 | (d[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The sequence of the pad events' ids (migration 10, {@code PadAndRatingTablesMigration}). */
    private static final String EVENT_IDS = "pad_event_ids";

    /** A new event id from the database's sequence: unique and rising across every instance and restart. */
    long nextEventId(Connection c) throws SQLException {
        String sql = db.isPostgres() ? "SELECT nextval('" + EVENT_IDS + "')" : "SELECT NEXT VALUE FOR " + EVENT_IDS;
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The highest event id used so far (a Last-Event-ID above it was never given by this platform). */
    long maxEventId() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(event_id), MAX(closed_event_id)"
                    + " FROM pad_rating_requests"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Math.max(rs.getLong(1), rs.getLong(2));
            }
        });
    }

    void insert(Connection c, StoredRequest r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pad_rating_requests (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.requestId());
            ps.setLong(2, r.eventId());
            ps.setString(3, r.hallCode());
            ps.setString(4, r.windowId());
            ps.setString(5, r.caseNumber());
            ps.setString(6, r.serviceSequence());
            ps.setString(7, r.itemCode());
            ps.setString(8, r.itemName());
            ps.setString(9, r.clerkId());
            ps.setString(10, r.clerkName());
            ps.setLong(11, r.requestedAt().toEpochMilli());
            ps.setLong(12, r.expiresAt().toEpochMilli());
            ps.setString(13, r.state().name());
            ps.setObject(14, null, java.sql.Types.BIGINT);
            ps.executeUpdate();
        }
    }

    /** Closes an open request; false if it was no longer open. */
    boolean close(Connection c, String requestId, StoredRequest.State state, long closedEventId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE pad_rating_requests SET state = ?,"
                + " closed_event_id = ? WHERE request_id = ? AND state = 'OPEN'")) {
            ps.setString(1, state.name());
            ps.setLong(2, closedEventId);
            ps.setString(3, requestId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Requests still marked open for a window (expired ones too: expiry is decided by the caller's clock). */
    List<StoredRequest> openFor(WindowKey w) {
        return db.inTransaction(c -> openFor(c, w));
    }

    List<StoredRequest> openFor(Connection c, WindowKey w) throws SQLException {
        return query(c, "WHERE hall_code = ? AND window_id = ? AND state = 'OPEN' ORDER BY event_id", w.hallCode(),
                w.windowId());
    }

    /** Requests of a window that something happened to after {@code eventId}. */
    List<StoredRequest> changedSince(WindowKey w, long eventId) {
        return query("WHERE hall_code = ? AND window_id = ? AND (event_id > ? OR closed_event_id > ?)"
                + " ORDER BY event_id", w.hallCode(), w.windowId(), eventId, eventId);
    }

    /** Every request made for a contact, oldest first. */
    List<StoredRequest> forContact(String caseNumber, String serviceSequence) {
        return query("WHERE case_number = ? AND service_sequence = ? ORDER BY event_id", caseNumber,
                serviceSequence);
    }

    Optional<StoredRequest> byId(String requestId) {
        return query("WHERE request_id = ?", requestId).stream().findFirst();
    }

    /** True if the platform holds a rating of this contact (the rating store's table; one rating per contact). */
    boolean contactRated(String caseNumber, String serviceSequence) {
        return db.inTransaction(c -> contactRated(c, caseNumber, serviceSequence));
    }

    boolean contactRated(Connection c, String caseNumber, String serviceSequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM ratings WHERE case_number = ? AND service_sequence = ?")) {
            ps.setString(1, caseNumber);
            ps.setString(2, serviceSequence);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private List<StoredRequest> query(String where, Object... args) {
        return db.inTransaction(c -> query(c, where, args));
    }

    private static List<StoredRequest> query(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM pad_rating_requests "
                + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<StoredRequest> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row(rs));
                }
                return out;
            }
        }
    }

    private static StoredRequest row(ResultSet rs) throws SQLException {
        long closed = rs.getLong(14);
        Long closedId = rs.wasNull() ? null : closed;
        return new StoredRequest(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                Instant.ofEpochMilli(rs.getLong(11)), Instant.ofEpochMilli(rs.getLong(12)),
                StoredRequest.State.valueOf(rs.getString(13)), closedId);
    }

}
