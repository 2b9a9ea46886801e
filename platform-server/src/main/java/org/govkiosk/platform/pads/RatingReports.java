package org.govkiosk.platform.pads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.BadRating;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.FollowUpState;
import org.govkiosk.api.NationalRating;
import org.govkiosk.api.RatingFollowUp;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.NotFoundException;
import org.govkiosk.platform.store.StorageException;

/**
 * Reads the stored ratings for the hall's managers (bad ratings with their follow-up) and for the forwarder to
 * the province (the national field set). The rating itself is the submission JSON the rating store kept.
 */
final class RatingReports {

    /** A position in the received order: time, then id (ids break ties of the same millisecond). */
    record Cursor(long receivedAtMillis, String ratingId) {

        static Cursor parse(String text) {
            int dot = text.indexOf('.');
            if (dot <= 0 || dot == text.length() - 1) {
                throw new IllegalArgumentException("after is not a cursor this platform gave");
            }
            try {
                return new Cursor(Long.parseLong(text.substring(0, dot)), text.substring(dot + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("after is not a cursor this platform gave");
            }
        }

        String text() {
            return receivedAtMillis + "." + ratingId;
        }
    }

    /** One page of the national export and where the next starts. */
    record NationalPage(List<NationalRating> ratings, Optional<Cursor> next) {
    }

    private static final String BAD_SELECT = "SELECT r.rating_id, r.submission, r.received_at, f.state, f.note,"
            + " f.updated_at FROM ratings r LEFT JOIN rating_follow_ups f ON f.rating_id = r.rating_id";

    private final Database db;
    private final ObjectMapper json = ApiJson.lenient();

    RatingReports(Database db) {
        this.db = db;
    }

    /** Bad ratings, oldest first, optionally only those in one follow-up state. */
    List<BadRating> bad(Optional<FollowUpState> state, int limit) {
        return db.inTransaction(c -> {
            // A default is 基本满意, never bad; "NOT r.defaulted" says so should that rule ever change.
            String where = state.isEmpty() ? " WHERE r.bad AND NOT r.defaulted"
                    : " WHERE r.bad AND NOT r.defaulted AND COALESCE(f.state, 'OPEN') = ?";
            try (PreparedStatement ps = c.prepareStatement(BAD_SELECT + where
                    + " ORDER BY r.received_at, r.rating_id LIMIT " + limit)) {
                if (state.isPresent()) {
                    ps.setString(1, state.get().name());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    List<BadRating> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(badRating(rs));
                    }
                    return out;
                }
            }
        });
    }

    /**
     * @throws NotFoundException if there is no such rating
     * @throws IllegalArgumentException if the rating is not a bad one
     */
    BadRating followUp(RatingFollowUp f, Instant now) {
        return db.inTransaction(c -> {
            BadRating current = badById(c, f.ratingId()).orElseThrow(() -> new NotFoundException(
                    ErrorCodes.NOT_FOUND, "no rating " + f.ratingId()));
            if (current.level() > RatingSubmission.BAD_LEVEL_MAX) {
                throw new IllegalArgumentException("rating " + f.ratingId() + " is not a bad rating");
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM rating_follow_ups WHERE rating_id = ?");
                    PreparedStatement ins = c.prepareStatement("INSERT INTO rating_follow_ups (rating_id, state,"
                            + " note, updated_at) VALUES (?, ?, ?, ?)")) {
                del.setString(1, f.ratingId());
                del.executeUpdate();
                ins.setString(1, f.ratingId());
                ins.setString(2, f.state().name());
                ins.setString(3, f.note());
                ins.setLong(4, now.toEpochMilli());
                ins.executeUpdate();
            }
            return badById(c, f.ratingId()).orElseThrow();
        });
    }

    /** Ratings received after {@code after} and before {@code before}, in received order. */
    NationalPage national(Optional<Cursor> after, Instant before, int limit) {
        return db.inTransaction(c -> {
            Cursor from = after.orElse(new Cursor(Long.MIN_VALUE, ""));
            try (PreparedStatement ps = c.prepareStatement("SELECT r.rating_id, r.submission, r.received_at,"
                    + " (SELECT MAX(p.item_name) FROM pad_rating_requests p WHERE p.case_number = r.case_number"
                    + " AND p.service_sequence = r.service_sequence), r.defaulted FROM ratings r"
                    + " WHERE r.received_at < ? AND (r.received_at > ? OR (r.received_at = ? AND r.rating_id > ?))"
                    + " ORDER BY r.received_at, r.rating_id LIMIT " + limit)) {
                ps.setLong(1, before.toEpochMilli());
                ps.setLong(2, from.receivedAtMillis());
                ps.setLong(3, from.receivedAtMillis());
                ps.setString(4, from.ratingId());
                try (ResultSet rs = ps.executeQuery()) {
                    List<NationalRating> out = new ArrayList<>();
                    Cursor last = null;
                    while (rs.next()) {
                        RatingSubmission s = submission(rs.getString(2));
                        Instant received = Instant.ofEpochMilli(rs.getLong(3));
                        out.add(new NationalRating(rs.getString(1), s.caseNumber(), s.serviceSequence(), s.itemCode(),
                                rs.getString(4), s.hallCode(), s.windowId(), s.terminalId(), s.clerkId(),
                                s.channel().usualPfCode(), s.level(), s.indicatorLevels(), s.badReasons(),
                                s.comment(), s.anonymous(), s.ratedAt(), received, rs.getBoolean(5)));
                        last = new Cursor(received.toEpochMilli(), rs.getString(1));
                    }
                    return new NationalPage(out, Optional.ofNullable(last));
                }
            }
        });
    }

    /**
     * Counts per level of the ratings received from {@code from} to {@code to} (whole days of {@code zone}): those
     * citizens gave, and apart from them the defaults the platform recorded when a window closed unrated.
     */
    org.govkiosk.api.RatingSummary summary(java.time.LocalDate from, java.time.LocalDate to, java.time.ZoneId zone) {
        return summary(from, to, zone, null);
    }

    /** As above, of the ratings taken in {@code halls} only (null: every hall). */
    org.govkiosk.api.RatingSummary summary(java.time.LocalDate from, java.time.LocalDate to, java.time.ZoneId zone,
            java.util.Set<String> halls) {
        long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT level, defaulted, COUNT(*) FROM ratings"
                    + " WHERE received_at >= ? AND received_at < ?" + (halls == null ? ""
                            : " AND terminal_id IN (SELECT terminal_id FROM terminals WHERE hall_code = ANY (?))")
                    + " GROUP BY level, defaulted")) {
                ps.setLong(1, start);
                ps.setLong(2, end);
                if (halls != null) {
                    ps.setArray(3, c.createArrayOf("VARCHAR", halls.toArray()));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    java.util.Map<String, Integer> byLevel = new java.util.TreeMap<>();
                    for (int level = 1; level <= 5; level++) {
                        byLevel.put(String.valueOf(level), 0);
                    }
                    int given = 0;
                    int defaulted = 0;
                    int bad = 0;
                    while (rs.next()) {
                        int level = rs.getInt(1);
                        int n = rs.getInt(3);
                        if (rs.getBoolean(2)) {
                            defaulted += n;
                        } else {
                            byLevel.merge(String.valueOf(level), n, Integer::sum);
                            given += n;
                            if (level <= RatingSubmission.BAD_LEVEL_MAX) {
                                bad += n;
                            }
                        }
                    }
                    return new org.govkiosk.api.RatingSummary(from, to, byLevel, given, defaulted, bad);
                }
            }
        });
    }

    private Optional<BadRating> badById(Connection c, String ratingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BAD_SELECT + " WHERE r.rating_id = ?")) {
            ps.setString(1, ratingId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(badRating(rs)) : Optional.empty();
            }
        }
    }

    private BadRating badRating(ResultSet rs) throws SQLException {
        RatingSubmission s = submission(rs.getString(2));
        String state = rs.getString(4);
        long followUpAt = rs.getLong(6);
        Instant at = rs.wasNull() ? null : Instant.ofEpochMilli(followUpAt);
        return new BadRating(rs.getString(1), s.caseNumber(), s.serviceSequence(), s.itemCode(), s.hallCode(),
                s.terminalId(), s.windowId(), s.clerkId(), s.channel(), s.level(), s.badReasons(), s.comment(),
                s.anonymous(), s.ratedAt(), Instant.ofEpochMilli(rs.getLong(3)),
                state == null ? FollowUpState.OPEN : FollowUpState.valueOf(state), rs.getString(5), at);
    }

    private RatingSubmission submission(String stored) {
        try {
            return json.readValue(stored, RatingSubmission.class);
        } catch (JsonProcessingException e) {
            throw new StorageException("a stored rating cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
