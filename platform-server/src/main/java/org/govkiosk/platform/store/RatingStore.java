package org.govkiosk.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingSubmission;

/** 好差评 ratings: idempotent per terminal and key, and one rating per contact (case number + sequence). */
public final class RatingStore {

    private static final int MAX_ATTEMPTS = 20;

    private final Database db;

    public RatingStore(Database db) {
        this.db = db;
    }

    /**
     * @throws StoreConflict if the key was used with another body, or this contact was rated already
     */
    public RatingReceipt submit(RatingSubmission r, String bodySha256, String json, Instant now) {
        for (int attempt = 1; ; attempt++) {
            Optional<RatingReceipt> earlier = db.inTransaction(c -> byKey(c, r, bodySha256));
            if (earlier.isPresent()) {
                return earlier.get();
            }
            String id = UUID.randomUUID().toString();
            try {
                db.inTransaction(c -> {
                    insert(c, id, r, bodySha256, json, now);
                    return null;
                });
                return new RatingReceipt(id, r.caseNumber(), r.serviceSequence(), now, false);
            } catch (StorageException e) {
                if (attempt >= MAX_ATTEMPTS || !(Sql.isUniqueViolation(e) || Sql.isRetryableRace(e))) {
                    throw e;
                }
                if (Sql.isUniqueViolation(e) && contactRated(r)) {
                    // Only if our own key is not the one that won the race (checked again first).
                    Optional<RatingReceipt> mine = db.inTransaction(c -> byKey(c, r, bodySha256));
                    if (mine.isPresent()) {
                        return mine.get();
                    }
                    throw new StoreConflict(ErrorCodes.ALREADY_RATED, "case " + r.caseNumber() + " contact "
                            + r.serviceSequence() + " was rated already (一次一评)");
                }
                Sql.pause(attempt);
            }
        }
    }

    private boolean contactRated(RatingSubmission r) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM ratings WHERE case_number = ? AND service_sequence = ?")) {
                ps.setString(1, r.caseNumber());
                ps.setString(2, r.serviceSequence());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static Optional<RatingReceipt> byKey(Connection c, RatingSubmission r, String bodySha256)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT rating_id, body_sha256, case_number, service_sequence,"
                + " received_at FROM ratings WHERE terminal_id = ? AND idempotency_key = ?")) {
            ps.setString(1, r.terminalId());
            ps.setString(2, r.idempotencyKey());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString(2).equals(bodySha256)) {
                    throw new StoreConflict(ErrorCodes.IDEMPOTENCY_CONFLICT,
                            "idempotency key " + r.idempotencyKey() + " was used before for a different rating");
                }
                return Optional.of(new RatingReceipt(rs.getString(1), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5)), true));
            }
        }
    }

    private static void insert(Connection c, String id, RatingSubmission r, String bodySha256, String json,
            Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ratings (rating_id, terminal_id, idempotency_key,"
                + " body_sha256, case_number, service_sequence, item_code, level, bad, submission, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, r.terminalId());
            ps.setString(3, r.idempotencyKey());
            ps.setString(4, bodySha256);
            ps.setString(5, r.caseNumber());
            ps.setString(6, r.serviceSequence());
            ps.setString(7, r.itemCode());
            ps.setInt(8, r.level());
            ps.setBoolean(9, r.isBad());
            ps.setString(10, json);
            ps.setLong(11, now.toEpochMilli());
            ps.executeUpdate();
        }
        // Upward to the province, in the same transaction (issue 18).
        UpwardOutbox.enqueue(c, UpwardOutbox.Kind.RATING, id, null, null, now.toEpochMilli());
    }

    /** Count of ratings, optionally only bad ones (for tests and the hall's statistics). */
    public int count(boolean badOnly) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    badOnly ? "SELECT COUNT(*) FROM ratings WHERE bad" : "SELECT COUNT(*) FROM ratings");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
