package org.govkiosk.platform.ratings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.govkiosk.api.AppealState;
import org.govkiosk.api.Attachment;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.RatingAppeal;
import org.govkiosk.api.RatingAppealDecision;
import org.govkiosk.api.RatingAppealFiling;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.NotFoundException;
import org.govkiosk.platform.store.StorageException;
import org.govkiosk.platform.store.StoreConflict;

/**
 * 申诉复核: a clerk or a department appeals a bad rating a citizen gave (never a default, which is no bad rating),
 * with a written explanation and evidence; a reviewer other than the filer upholds or rejects it with a reason. An
 * upheld appeal leaves the rating in the record (申诉成立) and takes it out of every score and rate ({@link
 * #UPHELD_SQL}). One open appeal per rating (the table's constraint, so also across instances); a rejected appeal
 * may be followed by a new one with new evidence; an upheld one ends it. The county rules set no deadline for
 * appeals (see DOMAIN.md), so none is counted here.
 */
final class RatingAppeals {

    /** SQL condition, on a query with {@code r} the ratings table: true when an upheld appeal excludes the rating. */
    static final String UPHELD_SQL = "EXISTS (SELECT 1 FROM rating_appeals ua WHERE ua.rating_id = r.rating_id"
            + " AND ua.state = 'UPHELD')";

    private static final String SELECT = "SELECT a.appeal_id, a.rating_id, r.level, a.state, a.filed_by,"
            + " a.department, a.explanation, a.filed_at, a.reviewed_by, a.decision_reason, a.decided_at"
            + " FROM rating_appeals a JOIN ratings r ON r.rating_id = a.rating_id";

    private final Database db;
    private final Clock clock;

    RatingAppeals(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * @throws NotFoundException if there is no such rating
     * @throws StoreConflict if the rating is not a bad one a citizen gave, has an open appeal or an upheld one
     */
    RatingAppeal file(RatingAppealFiling f) {
        Instant now = clock.instant();
        String id = "AP-" + UUID.randomUUID();
        try {
            return db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT bad, defaulted FROM ratings"
                        + " WHERE rating_id = ?")) {
                    ps.setString(1, f.ratingId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new NotFoundException(ErrorCodes.NOT_FOUND, "no rating " + f.ratingId());
                        }
                        if (!rs.getBoolean(1) || rs.getBoolean(2)) {
                            throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "rating " + f.ratingId()
                                    + " is no bad rating a citizen gave: there is nothing to appeal");
                        }
                    }
                }
                for (AppealState s : List.of(AppealState.OPEN, AppealState.UPHELD)) {
                    if (count(c, f.ratingId(), s) > 0) {
                        throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "rating " + f.ratingId() + " has "
                                + (s == AppealState.OPEN ? "an open appeal already" : "an upheld appeal (申诉成立)"));
                    }
                }
                RatingLedger.update(c, "INSERT INTO rating_appeals (appeal_id, rating_id, open_rating_id, state,"
                        + " filed_by, department, explanation, filed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id,
                        f.ratingId(), f.ratingId(), AppealState.OPEN.name(), f.filedBy().strip(),
                        f.department(), f.explanation().strip(), now.toEpochMilli());
                int seq = 0;
                for (Attachment a : f.evidence()) {
                    RatingLedger.update(c, "INSERT INTO rating_appeal_evidence (appeal_id, seq, media_type, sha256,"
                            + " content) VALUES (?, ?, ?, ?, ?)", id, ++seq, a.mediaType(), a.sha256(), a.content());
                }
                return byId(c, id).orElseThrow();
            });
        } catch (StorageException e) {
            // The one-open-appeal constraint: another instance filed one for the rating at the same moment.
            if (db.inTransaction(c -> count(c, f.ratingId(), AppealState.OPEN)) > 0) {
                throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "rating " + f.ratingId()
                        + " has an open appeal already");
            }
            throw e;
        }
    }

    /**
     * @throws NotFoundException if there is no such appeal
     * @throws StoreConflict if it was decided already
     * @throws SameReviewerException if the reviewer is the one who filed it
     */
    RatingAppeal decide(String appealId, RatingAppealDecision d) {
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            RatingAppeal a = lockById(c, appealId).orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND,
                    "no appeal " + appealId));
            if (a.state() != AppealState.OPEN) {
                throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "appeal " + appealId + " was decided already ("
                        + a.stateLabel() + ")");
            }
            if (samePerson(a.filedBy(), d.reviewedBy())) {
                throw new SameReviewerException("the reviewer of an appeal is another person than who filed it");
            }
            RatingLedger.update(c, "UPDATE rating_appeals SET state = ?, open_rating_id = NULL, reviewed_by = ?,"
                    + " decision_reason = ?, decided_at = ? WHERE appeal_id = ?", d.uphold() ? AppealState.UPHELD
                    .name() : AppealState.REJECTED.name(), d.reviewedBy().strip(), d.reason().strip(),
                    now.toEpochMilli(), appealId);
            if (d.uphold()) {
                // The province hears of it in the same transaction (申诉成立: on record, out of the scores); the
                // detail names the decision, never who filed or reviewed it.
                org.govkiosk.platform.store.UpwardOutbox.enqueue(c,
                        org.govkiosk.platform.store.UpwardOutbox.Kind.APPEAL_UPHELD, a.ratingId(), appealId,
                        "{\"appealId\":" + jsonString(appealId) + ",\"decidedAt\":\"" + now + "\"}",
                        now.toEpochMilli());
            }
            return byId(c, appealId).orElseThrow();
        });
    }

    private static String jsonString(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Thrown when the filer would review their own appeal. */
    static final class SameReviewerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SameReviewerException(String message) {
            super(message);
        }
    }

    static boolean samePerson(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    /** The appeals, oldest first, optionally of one state, of the ratings of {@code halls} (null: every hall). */
    List<RatingAppeal> list(Optional<AppealState> state, java.util.Set<String> halls, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (state.isPresent()) {
            where.append(" AND a.state = ?");
            args.add(state.get().name());
        }
        where.append(org.govkiosk.platform.store.HallScope.andIn(org.govkiosk.platform.store.HallScope.RATING_HALL,
                halls, args));
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + where + " ORDER BY a.filed_at, a.appeal_id LIMIT "
                    + limit)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<RatingAppeal> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(appeal(c, rs));
                    }
                }
                return out;
            }
        });
    }

    /** The rating an appeal is about, if there is such an appeal. */
    Optional<String> ratingOf(String appealId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT rating_id FROM rating_appeals WHERE appeal_id = ?")) {
                ps.setString(1, appealId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** One image of the evidence. @throws NotFoundException if there is no such appeal or image */
    Attachment evidence(String appealId, int number) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT media_type, sha256, content FROM"
                    + " rating_appeal_evidence WHERE appeal_id = ? AND seq = ?")) {
                ps.setString(1, appealId);
                ps.setInt(2, number);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException(ErrorCodes.NOT_FOUND, "appeal " + appealId + " has no evidence "
                                + number);
                    }
                    return new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3));
                }
            }
        });
    }

    private static int count(Connection c, String ratingId, AppealState state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM rating_appeals WHERE rating_id = ?"
                + " AND state = ?")) {
            ps.setString(1, ratingId);
            ps.setString(2, state.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private Optional<RatingAppeal> lockById(Connection c, String appealId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT appeal_id FROM rating_appeals WHERE appeal_id = ?"
                + " FOR UPDATE")) {
            ps.setString(1, appealId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
        }
        return byId(c, appealId);
    }

    private Optional<RatingAppeal> byId(Connection c, String appealId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE a.appeal_id = ?")) {
            ps.setString(1, appealId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(appeal(c, rs)) : Optional.empty();
            }
        }
    }

    private static RatingAppeal appeal(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        AppealState state = AppealState.valueOf(rs.getString(4));
        List<RatingAppeal.Evidence> evidence = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, media_type, OCTET_LENGTH(content), sha256 FROM"
                + " rating_appeal_evidence WHERE appeal_id = ? ORDER BY seq")) {
            ps.setString(1, id);
            try (ResultSet e = ps.executeQuery()) {
                while (e.next()) {
                    evidence.add(new RatingAppeal.Evidence(e.getInt(1), e.getString(2), e.getInt(3), e.getString(4)));
                }
            }
        }
        long decided = rs.getLong(11);
        Instant decidedAt = rs.wasNull() ? null : Instant.ofEpochMilli(decided);
        return new RatingAppeal(id, rs.getString(2), rs.getInt(3), state, RatingAppeal.label(state),
                rs.getString(5), rs.getString(6), rs.getString(7), evidence, Instant.ofEpochMilli(rs.getLong(8)),
                rs.getString(9), rs.getString(10), decidedAt);
    }
}
