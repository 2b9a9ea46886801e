package org.govkiosk.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The write side of the outbox to the provincial 好差评 system ({@code province_outbox}, migration 7): what stores a
 * rating, or changes one, calls {@link #enqueue} on the same connection, so the entry commits or rolls back with it.
 * The sender ({@code org.govkiosk.platform.province}) reads and sends the entries; it lives above the store, this
 * class is here so that the store and the rating services can write entries without depending on it.
 */
public final class UpwardOutbox {

    /**
     * What an entry tells the province. A new kind of change (e.g. a rating removed by an upheld appeal) is a new
     * constant here and a payload part in the sender; the table needs no change.
     */
    public enum Kind {
        /** A rating a citizen gave (terminal, pad, phone). */
        RATING("rating"),
        /** 基本满意 recorded by the platform when the rating window closed unrated. */
        DEFAULT_RATING("default"),
        /** An upheld appeal (申诉复核): the rating stays on record, excluded from the scores. */
        APPEAL_UPHELD("appeal-upheld");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        /** The kind as the province's interface names it ({@code kind} of a delivery). */
        public String wire() {
            return wire;
        }
    }

    private UpwardOutbox() {
    }

    /**
     * Queues one delivery in the caller's transaction. The idempotency key is the kind and the rating (plus
     * {@code change}, for a kind that can happen more than once to a rating), so a second call for the same thing
     * is refused by the unique key and rolls the caller back: call it once, where the thing is first stored.
     *
     * @param change null, or what tells apart several changes of one kind to the same rating (e.g. an appeal id)
     * @param detail null, or a small JSON object the sender puts in the payload (at most 4000 characters)
     */
    public static void enqueue(Connection c, Kind kind, String ratingId, String change, String detail, long nowMillis)
            throws SQLException {
        if (detail != null && detail.length() > 4000) {
            throw new IllegalArgumentException("an upward entry's detail is at most 4000 characters");
        }
        String key = kind.wire() + ":" + ratingId + (change == null ? "" : ":" + change);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO province_outbox (entry_id, kind, rating_id,"
                + " idempotency_key, detail, state, attempts, next_attempt_at, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, kind.name());
            ps.setString(3, ratingId);
            ps.setString(4, key);
            ps.setString(5, detail);
            ps.setLong(6, nowMillis);
            ps.setLong(7, nowMillis);
            ps.setLong(8, nowMillis);
            ps.executeUpdate();
        }
    }
}
