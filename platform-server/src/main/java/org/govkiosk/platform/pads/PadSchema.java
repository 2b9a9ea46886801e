package org.govkiosk.platform.pads;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.govkiosk.platform.store.Database;

/**
 * The pads' tables, created at start like the platform's own schema (portable SQL for H2 and PostgreSQL; times
 * as epoch milliseconds). Kept beside the code that uses them so the pad service can be added or left out whole.
 */
final class PadSchema {

    /**
     * The sequence that numbers pad events (the SSE ids), shared by every instance on the database. A database
     * from before it starts the sequence above the highest id it holds, so ids keep rising.
     */
    static final String EVENT_IDS = "pad_event_ids";

    private static final List<String> STATEMENTS = List.of(
            "CREATE TABLE IF NOT EXISTS pad_windows ("
                    + " pad_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " hall_code VARCHAR(64) NOT NULL,"
                    + " window_id VARCHAR(64) NOT NULL,"
                    + " registered_at BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS pad_rating_requests ("
                    + " request_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " event_id BIGINT NOT NULL UNIQUE,"
                    + " hall_code VARCHAR(64) NOT NULL,"
                    + " window_id VARCHAR(64) NOT NULL,"
                    + " case_number VARCHAR(64) NOT NULL,"
                    + " service_sequence VARCHAR(32) NOT NULL,"
                    + " item_code VARCHAR(64) NOT NULL,"
                    + " item_name VARCHAR(200) NOT NULL,"
                    + " clerk_id VARCHAR(64) NOT NULL,"
                    + " clerk_name VARCHAR(100) NOT NULL,"
                    + " requested_at BIGINT NOT NULL,"
                    + " expires_at BIGINT NOT NULL,"
                    + " state VARCHAR(16) NOT NULL,"
                    + " closed_event_id BIGINT)",
            "CREATE INDEX IF NOT EXISTS pad_requests_by_window ON pad_rating_requests (hall_code, window_id, state)",
            "CREATE INDEX IF NOT EXISTS pad_requests_by_contact ON pad_rating_requests (case_number, service_sequence)",
            // Which pads stream from which instance (PadPresence; instances sharing PostgreSQL only).
            "CREATE TABLE IF NOT EXISTS pad_streams ("
                    + " stream_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " instance_id VARCHAR(64) NOT NULL,"
                    + " pad_id VARCHAR(64) NOT NULL,"
                    + " hall_code VARCHAR(64) NOT NULL,"
                    + " window_id VARCHAR(64) NOT NULL,"
                    + " seen_at BIGINT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS pad_streams_by_window ON pad_streams (hall_code, window_id)",
            "CREATE TABLE IF NOT EXISTS rating_follow_ups ("
                    + " rating_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " state VARCHAR(16) NOT NULL,"
                    + " note VARCHAR(2000),"
                    + " updated_at BIGINT NOT NULL)");

    private PadSchema() {
    }

    static void apply(Database db) {
        db.inSchemaLock(c -> {
            try (Statement s = c.createStatement()) {
                for (String sql : STATEMENTS) {
                    s.execute(sql);
                }
            }
            return null;
        });
        db.inSchemaLock(c -> {
            if (!sequenceExists(c)) {
                long start = 1;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT MAX(event_id), MAX(closed_event_id) FROM pad_rating_requests")) {
                    rs.next();
                    start = Math.max(rs.getLong(1), rs.getLong(2)) + 1;
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE SEQUENCE IF NOT EXISTS " + EVENT_IDS + " START WITH " + start);
                }
            }
            return null;
        });
    }

    private static boolean sequenceExists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.SEQUENCES"
                + " WHERE LOWER(SEQUENCE_NAME) = ?")) {
            ps.setString(1, EVENT_IDS);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
