package org.govkiosk.platform.ratings;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.RatingStore;
import org.govkiosk.platform.store.StoreConflict;

/**
 * The phone page's side of the rating store: who served the contact a link names, whether it was rated already,
 * and the rating itself, stored like every other (one per contact; the phone page's idempotency key is the
 * contact's, so a double tap or a second submission stores nothing more).
 */
final class PhoneRatings {

    /** The rating store's terminal id for ratings from the phone page. */
    static final String PHONE_PAGE = "phone-page";

    private final Database db;
    private final RatingStore store;
    private final Function<RatingSubmission, String> canonicalJson;

    PhoneRatings(Database db, RatingStore store, Function<RatingSubmission, String> canonicalJson) {
        this.db = db;
        this.store = store;
        this.canonicalJson = canonicalJson;
    }

    /**
     * The contact as the platform knows it: from its invitation, else the window's rating request, else the case
     * (a case contact: the hall of the terminal that filed it).
     */
    Optional<Contact> contact(RatingLink link) {
        return db.inTransaction(c -> {
            Optional<Contact> invited = invitation(c, link);
            if (invited.isPresent()) {
                return invited;
            }
            if (link.windowId() != null) {
                return padRequest(c, link);
            }
            return caseContact(c, link.caseNumber());
        });
    }

    private static Optional<Contact> invitation(Connection c, RatingLink link) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT i.hall_code, i.window_id, i.clerk_id, i.served_by,"
                + " i.last_day,"
                + " COALESCE((SELECT MAX(p.item_name) FROM pad_rating_requests p WHERE p.case_number = i.case_number"
                + " AND p.service_sequence = i.service_sequence), (SELECT k.item_name FROM cases k"
                + " WHERE k.case_number = i.case_number)) FROM rating_invitations i"
                + " WHERE i.case_number = ? AND i.service_sequence = ?")) {
            ps.setString(1, link.caseNumber());
            ps.setString(2, link.serviceSequence());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Contact(rs.getString(1), rs.getString(6), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getObject(5, java.time.LocalDate.class)))
                        : Optional.empty();
            }
        }
    }

    private static Optional<Contact> padRequest(Connection c, RatingLink link) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hall_code, item_name, clerk_id FROM"
                + " pad_rating_requests WHERE case_number = ? AND service_sequence = ? AND window_id = ?"
                + " ORDER BY event_id DESC")) {
            ps.setString(1, link.caseNumber());
            ps.setString(2, link.serviceSequence());
            ps.setString(3, link.windowId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Contact(rs.getString(1), rs.getString(2), link.windowId(),
                        rs.getString(3), null, null)) : Optional.empty();
            }
        }
    }

    static Optional<Contact> caseContact(Connection c, String caseNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT t.hall_code, k.item_name, k.terminal_id FROM cases k"
                + " JOIN terminals t ON t.terminal_id = k.terminal_id WHERE k.case_number = ?")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Contact(rs.getString(1), rs.getString(2), null, null,
                        rs.getString(3), null)) : Optional.empty();
            }
        }
    }

    /** The rating stored for the contact, if any (given by the citizen anywhere, or by default). */
    Optional<GivenRating> given(RatingLink link) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT level, defaulted, received_at FROM ratings"
                    + " WHERE case_number = ? AND service_sequence = ?")) {
                ps.setString(1, link.caseNumber());
                ps.setString(2, link.serviceSequence());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new GivenRating(rs.getInt(1), rs.getBoolean(2),
                            Instant.ofEpochMilli(rs.getLong(3)))) : Optional.empty();
                }
            }
        });
    }

    /**
     * Stores the citizen's rating; a contact rated already (a double tap, a second form, the window's pad first)
     * keeps the rating it has.
     *
     * @return the rating the contact has now, and whether it is this one
     */
    Stored rate(RatingLink link, Contact contact, int level, Map<String, Integer> answers, List<String> reasons,
            String comment, boolean anonymous, Instant now) {
        java.util.Map<String, Integer> indicators = new java.util.LinkedHashMap<>();
        indicators.put("OVERALL", level);
        indicators.putAll(answers);
        RatingSubmission rating = new RatingSubmission(idempotencyKey(link), link.caseNumber(),
                link.serviceSequence(), link.itemCode(), contact.hallCode(), PHONE_PAGE, link.windowId(),
                contact.clerkId(), link.source() == RatingLink.Source.SMS ? RatingChannel.PHONE_SMS
                : RatingChannel.PHONE_QR, level, indicators, level <= RatingSubmission.BAD_LEVEL_MAX ? reasons
                : List.of(), comment == null || comment.isBlank() ? null : comment.strip(), anonymous, now);
        String json = canonicalJson.apply(rating);
        try {
            boolean duplicate = store.submit(rating, sha256(json), json, now).duplicate();
            return new Stored(given(link).orElseThrow(), !duplicate);
        } catch (StoreConflict e) {
            return new Stored(given(link).orElseThrow(() -> e), false);
        }
    }

    /** The rating the contact has, and whether this request stored it. */
    record Stored(GivenRating rating, boolean storedNow) {
    }

    /** One key per contact: whatever the phone sends for it, the store keeps one. */
    static String idempotencyKey(RatingLink link) {
        return "phone-" + sha256(link.caseNumber() + "\n" + link.serviceSequence()).substring(0, 40);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
