package org.govkiosk.platform.province;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.HallScope;

/**
 * The sender's side of {@code province_outbox} (written by {@link org.govkiosk.platform.store.UpwardOutbox}):
 * claiming due entries across instances, recording each attempt, the dead letters and their re-queueing.
 *
 * <p>A claim is a conditional UPDATE from PENDING to SENDING that only one instance can make; on PostgreSQL the
 * candidates are first read {@code FOR UPDATE SKIP LOCKED}, so instances claiming at once take different rows
 * instead of queueing behind each other's locks. A claim older than {@link #staleAfter} (its instance died while
 * sending) is pending again; the province dedupes a second delivery on the idempotency key.
 */
public final class ProvinceOutbox {

    /** SQL expression on a row of province_outbox: the hall of the rating the entry names. */
    private static final String HALL = "(SELECT " + HallScope.RATING_HALL + " FROM ratings r"
            + " WHERE r.rating_id = province_outbox.rating_id)";
    private static final String COLUMNS = "entry_id, kind, rating_id, idempotency_key, state, attempts, created_at,"
            + " next_attempt_at, sent_at, last_error";

    private final Database db;
    private final Clock clock;
    private final Duration staleAfter;

    ProvinceOutbox(Database db, Clock clock, Duration staleAfter) {
        this.db = db;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** Claims up to {@code limit} due entries for {@code instance}, oldest first. */
    List<OutboxEntry> claim(String instance, int limit) {
        long now = clock.millis();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE province_outbox SET state = 'PENDING',"
                    + " claimed_by = NULL, updated_at = ? WHERE state = 'SENDING' AND claimed_at < ?")) {
                ps.setLong(1, now);
                ps.setLong(2, now - staleAfter.toMillis());
                ps.executeUpdate();
            }
            return null;
        });
        return db.inTransaction(c -> {
            List<OutboxEntry> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM province_outbox"
                    + " WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY created_at, entry_id LIMIT " + limit
                    + (db.isPostgres() ? " FOR UPDATE SKIP LOCKED" : ""))) {
                ps.setLong(1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(entry(rs));
                    }
                }
            }
            List<OutboxEntry> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("UPDATE province_outbox SET state = 'SENDING',"
                    + " claimed_by = ?, claimed_at = ?, updated_at = ? WHERE entry_id = ? AND state = 'PENDING'")) {
                for (OutboxEntry e : candidates) {
                    ps.setString(1, instance);
                    ps.setLong(2, now);
                    ps.setLong(3, now);
                    ps.setString(4, e.entryId());
                    if (ps.executeUpdate() == 1) {
                        claimed.add(e);
                    }
                }
            }
            return claimed;
        });
    }

    /** The province took it (or had it already). */
    void sent(OutboxEntry e, String instance) {
        long now = clock.millis();
        update("UPDATE province_outbox SET state = 'SENT', attempts = attempts + 1, sent_at = ?, updated_at = ?,"
                + " last_error = NULL, claimed_by = NULL WHERE entry_id = ? AND state = 'SENDING' AND claimed_by = ?",
                now, now, e.entryId(), instance);
    }

    /** A failed attempt: pending again at {@code retryAt}, or a dead letter. */
    void failed(OutboxEntry e, String instance, String error, boolean dead, Instant retryAt) {
        long now = clock.millis();
        update("UPDATE province_outbox SET state = ?, attempts = attempts + 1, next_attempt_at = ?, updated_at = ?,"
                + " last_error = ?, claimed_by = NULL WHERE entry_id = ? AND state = 'SENDING' AND claimed_by = ?",
                dead ? "DEAD" : "PENDING", retryAt.toEpochMilli(), now, cut(error), e.entryId(), instance);
    }

    /** The dead letters, oldest first. */
    public List<OutboxEntry> deadLetters(int limit) {
        return deadLetters(null, limit);
    }

    /** The dead letters of the ratings of {@code halls} (null: every hall), oldest first. */
    public List<OutboxEntry> deadLetters(Set<String> halls, int limit) {
        List<Object> args = new ArrayList<>();
        return list("WHERE state = 'DEAD'" + HallScope.andIn(HALL, halls, args), args, limit);
    }

    /** Every entry, oldest first (tests, reports). */
    public List<OutboxEntry> entries(int limit) {
        return list("", List.of(), limit);
    }

    public int count(String state) {
        return count(state, null);
    }

    /** How many entries in {@code state} name a rating of {@code halls} (null: every hall). */
    public int count(String state, Set<String> halls) {
        List<Object> args = new ArrayList<>(List.of(state));
        String sql = "SELECT COUNT(*) FROM province_outbox WHERE state = ?" + HallScope.andIn(HALL, halls, args);
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                set(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * Queues dead letters again, with their attempts counted afresh: the named one, or all when {@code entryId} is
     * null. @return how many
     */
    public int requeue(String entryId) {
        return requeue(entryId, null);
    }

    /**
     * As {@link #requeue(String)}, of the ratings of {@code halls} only (null: every hall): a dead letter of another
     * hall is not touched, as if it were not there. @return how many
     */
    public int requeue(String entryId, Set<String> halls) {
        long now = clock.millis();
        List<Object> args = new ArrayList<>(List.of(now, now));
        StringBuilder sql = new StringBuilder("UPDATE province_outbox SET state = 'PENDING', attempts = 0,"
                + " next_attempt_at = ?, updated_at = ? WHERE state = 'DEAD'");
        if (entryId != null) {
            sql.append(" AND entry_id = ?");
            args.add(entryId);
        }
        sql.append(HallScope.andIn(HALL, halls, args));
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                set(ps, args);
                return ps.executeUpdate();
            }
        });
    }

    private List<OutboxEntry> list(String where, List<Object> args, int limit) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM province_outbox " + where
                    + " ORDER BY created_at, entry_id LIMIT " + limit)) {
                set(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    List<OutboxEntry> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                    return out;
                }
            }
        });
    }

    private static void set(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private void update(String sql, Object... args) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        long sent = rs.getLong(9);
        boolean hasSent = !rs.wasNull();
        return new OutboxEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), Instant.ofEpochMilli(rs.getLong(7)), Instant.ofEpochMilli(rs.getLong(8)),
                hasSent ? Instant.ofEpochMilli(sent) : null, rs.getString(10));
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 300 ? s.substring(0, 300) : s;
    }

    /** The stored rating an entry names, its case's submission (null: no case here) and the entry's detail. */
    record StoredRating(String submission, long receivedAt, boolean defaulted, String caseJson, String detail) {
    }

    /** What the payload of {@code e} is made of; null if its rating is not stored. */
    StoredRating stored(OutboxEntry e) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.submission, r.received_at, r.defaulted,"
                    + " k.submission, o.detail FROM province_outbox o JOIN ratings r ON r.rating_id = o.rating_id"
                    + " LEFT JOIN cases k ON k.case_number = r.case_number WHERE o.entry_id = ?")) {
                ps.setString(1, e.entryId());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new StoredRating(rs.getString(1), rs.getLong(2), rs.getBoolean(3),
                            rs.getString(4), rs.getString(5)) : null;
                }
            }
        });
    }
}
