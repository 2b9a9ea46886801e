package org.govkiosk.platform.pads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.NationalRating;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.StorageException;

/**
 * Reads the stored ratings for the hall's managers (the summary) and for the forwarder to the province (the
 * national field set). The rating itself is the submission JSON the rating store kept.
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

    private final Database db;
    private final ObjectMapper json = ApiJson.lenient();

    RatingReports(Database db) {
        this.db = db;
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
            // A rating whose appeal was upheld (申诉成立) stays in the record and counts in no score.
            try (PreparedStatement ps = c.prepareStatement("SELECT r.level, r.defaulted, COUNT(*) FROM ratings r"
                    + " WHERE r.received_at >= ? AND r.received_at < ? AND NOT EXISTS (SELECT 1 FROM rating_appeals a"
                    + " WHERE a.rating_id = r.rating_id AND a.state = 'UPHELD')" + (halls == null ? ""
                            : " AND r.terminal_id IN (SELECT terminal_id FROM terminals WHERE hall_code = ANY (?))")
                    + " GROUP BY r.level, r.defaulted")) {
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

    private RatingSubmission submission(String stored) {
        try {
            return json.readValue(stored, RatingSubmission.class);
        } catch (JsonProcessingException e) {
            throw new StorageException("a stored rating cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
