package org.govkiosk.app.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Maps an {@code outbox_entry} row to its metadata. */
final class OutboxRows {

    private OutboxRows() {
    }

    static OutboxEntry entry(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getLong("id"), EntryKind.valueOf(rs.getString("kind")),
                rs.getString("idempotency_key"), rs.getInt("priority"), EntryState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("next_attempt_at")), instant(rs, "last_attempt_at"),
                instant(rs, "confirmed_at"), Optional.ofNullable(rs.getString("reference")),
                Optional.ofNullable(rs.getString("last_error")));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }
}
