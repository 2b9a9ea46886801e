package org.govkiosk.platform.province;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.StorageException;

/**
 * 差评通报单 from the province become entries of the 回访整改 ledger: the notice names a rating this platform holds;
 * its entry (made now if the ledger had none yet) carries the notice's number and deadline, and its deadline is the
 * notice's when that is earlier. Each notice counts once (its number): the same notice again changes nothing, another
 * body under a number already taken is a conflict.
 */
final class NoticeIntake {

    /** What became of a notice. */
    enum Result { RECORDED, DUPLICATE, CONFLICT, UNKNOWN_RATING, NOT_BAD_HERE }

    record Taken(Result result, String ratingId) {
    }

    private final Database db;
    private final ObjectMapper json = ApiJson.lenient();

    NoticeIntake(Database db) {
        this.db = db;
    }

    Taken take(BadRatingNotice n, String bodySha256, long nowMillis) {
        for (int attempt = 1; ; attempt++) {
            try {
                return db.inTransaction(c -> takeIn(c, n, bodySha256, nowMillis));
            } catch (StorageException e) {
                // Another instance took the same notice, or made the rating's ledger entry, at the same moment.
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private Taken takeIn(Connection c, BadRatingNotice n, String bodySha256, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body_sha256, rating_id FROM province_notices"
                + " WHERE notice_number = ?")) {
            ps.setString(1, n.noticeNumber());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new Taken(rs.getString(1).equals(bodySha256) ? Result.DUPLICATE : Result.CONFLICT,
                            rs.getString(2));
                }
            }
        }
        Optional<String[]> rating = rating(c, n);
        if (rating.isEmpty()) {
            return new Taken(Result.UNKNOWN_RATING, null);
        }
        String ratingId = rating.get()[0];
        RatingSubmission s;
        try {
            s = json.readValue(rating.get()[1], RatingSubmission.class);
        } catch (IOException e) {
            throw new IllegalStateException("rating " + ratingId + " cannot be read", e);
        }
        if (!s.isBad() || "true".equals(rating.get()[2])) {
            return new Taken(Result.NOT_BAD_HERE, ratingId); // the ledger holds bad ratings citizens gave
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO province_notices (notice_number, rating_id,"
                + " deadline, issued_at, received_at, body_sha256) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, n.noticeNumber());
            ps.setString(2, ratingId);
            ps.setObject(3, n.deadline());
            ps.setLong(4, n.issuedAt().toEpochMilli());
            ps.setLong(5, now);
            ps.setString(6, bodySha256);
            ps.executeUpdate();
        }
        // The ledger's own entry, as the ledger makes it (RatingLedger), when it has none yet for this rating.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rating_ledger (rating_id, case_number,"
                + " real_name, received_at, owner_clerk, first_deadline, deadline, state)"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, 'OPEN' WHERE NOT EXISTS"
                + " (SELECT 1 FROM rating_ledger WHERE rating_id = ?)")) {
            ps.setString(1, ratingId);
            ps.setString(2, s.anonymous() ? null : s.caseNumber());
            ps.setBoolean(3, !s.anonymous());
            ps.setLong(4, now);
            ps.setString(5, s.clerkId());
            ps.setObject(6, n.deadline());
            ps.setObject(7, n.deadline());
            ps.setString(8, ratingId);
            ps.executeUpdate();
        }
        LocalDate current;
        try (PreparedStatement ps = c.prepareStatement("SELECT deadline FROM rating_ledger WHERE rating_id = ?")) {
            ps.setString(1, ratingId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                current = rs.getObject(1, LocalDate.class);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE rating_ledger SET notice_number = ?,"
                + " notice_deadline = ?, deadline = ? WHERE rating_id = ?")) {
            ps.setString(1, n.noticeNumber());
            ps.setObject(2, n.deadline());
            ps.setObject(3, n.deadline().isBefore(current) ? n.deadline() : current);
            ps.setString(4, ratingId);
            ps.executeUpdate();
        }
        return new Taken(Result.RECORDED, ratingId);
    }

    /** The rating the notice names: by this platform's id when given (and it is that contact's), else the contact. */
    private static Optional<String[]> rating(Connection c, BadRatingNotice n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT rating_id, submission, defaulted FROM ratings"
                + " WHERE case_number = ? AND service_sequence = ?")) {
            ps.setString(1, n.caseNumber());
            ps.setString(2, n.serviceSequence());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String id = rs.getString(1);
                if (n.ratingId() != null && !n.ratingId().isBlank() && !n.ratingId().equals(id)) {
                    return Optional.empty();
                }
                return Optional.of(new String[] {id, rs.getString(2), Boolean.toString(rs.getBoolean(3))});
            }
        }
    }

    /** The notice number on a rating's ledger entry (tests, reports). */
    Optional<String[]> ledgerNotice(String ratingId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT notice_number, notice_deadline, deadline"
                    + " FROM rating_ledger WHERE rating_id = ?")) {
                ps.setString(1, ratingId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new String[] {rs.getString(1), String.valueOf(rs.getObject(2,
                            LocalDate.class)), String.valueOf(rs.getObject(3, LocalDate.class))}) : Optional.empty();
                }
            }
        });
    }
}
