package org.govkiosk.platform.ratings;

import java.sql.Statement;
import java.util.List;
import org.govkiosk.platform.store.Database;

/**
 * The rating window's tables, created at start beside the platform's schema (portable SQL for H2 and PostgreSQL):
 * one invitation per contact served (the primary key keeps it one, whichever instance or run finds the contact),
 * with the last day it may be rated. (The mark on ratings recorded by default, {@code ratings.defaulted}, is in the
 * platform's schema: the reports read it whether or not this service runs.)
 */
final class RatingSchema {

    private static final List<String> STATEMENTS = List.of(
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

    private RatingSchema() {
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
    }
}
