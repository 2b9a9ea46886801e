package org.govkiosk.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 10: the pads' and the phone ratings' own tables, which the platform made at every start (PadSchema,
 * RatingSchema, under the schema's advisory lock) before they were migrations. Every statement is {@code IF NOT
 * EXISTS}: a database those starts made already has them, with its data, and keeps both. In Java rather than SQL for
 * one thing SQL cannot say on both H2 and PostgreSQL: a database whose pad events predate the shared id sequence
 * starts it above the highest id it holds, so a pad's Last-Event-ID keeps rising.
 */
final class PadAndRatingTablesMigration implements JavaMigration {

    /** The sequence that numbers pad events (the SSE ids), shared by every instance on the database. */
    private static final String EVENT_IDS = "pad_event_ids";

    private static final List<String> TABLES = List.of(
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
                    + " updated_at BIGINT NOT NULL)",
            // One invitation per contact served (the key keeps it one, whichever instance or run finds the contact).
            "CREATE TABLE IF NOT EXISTS rating_invitations ("
                    + " case_number VARCHAR(64) NOT NULL,"
                    + " service_sequence VARCHAR(32) NOT NULL,"
                    + " item_code VARCHAR(64) NOT NULL,"
                    + " hall_code VARCHAR(64) NOT NULL,"
                    + " window_id VARCHAR(64),"
                    + " clerk_id VARCHAR(64),"
                    + " served_by VARCHAR(64),"
                    + " served_at BIGINT NOT NULL,"
                    + " last_day DATE NOT NULL,"
                    + " sms_queued BOOLEAN NOT NULL,"
                    + " PRIMARY KEY (case_number, service_sequence))",
            "CREATE INDEX IF NOT EXISTS rating_invitations_by_last_day ON rating_invitations (last_day)");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("10");
    }

    @Override
    public String getDescription() {
        return "pad and rating tables";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            for (String sql : TABLES) {
                s.execute(sql);
            }
        }
        if (!sequenceExists(c)) {
            long start;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT MAX(event_id), MAX(closed_event_id) FROM pad_rating_requests")) {
                rs.next();
                start = Math.max(rs.getLong(1), rs.getLong(2)) + 1;
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SEQUENCE " + EVENT_IDS + " START WITH " + start);
            }
        }
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
