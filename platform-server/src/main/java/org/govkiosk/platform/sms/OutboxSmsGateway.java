package org.govkiosk.platform.sms;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.govkiosk.personal.Masking;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's SMS gateway: each message becomes a row of {@code sms_outbox} (PENDING), once per dedupe key
 * (a unique column, so two instances or a job run twice record it once). {@link SmsRelay} sends the rows on.
 */
public final class OutboxSmsGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSmsGateway.class);

    /** A row of the outbox as a report or a test reads it. */
    public record Row(String messageId, String dedupeKey, String phone, String text, String purpose, String state,
            int attempts) {
        @Override
        public String toString() {
            return "Row[" + messageId + " " + purpose + " to " + Masking.phone(phone) + " " + state + " x" + attempts
                    + "]";
        }
    }

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE IF NOT EXISTS sms_outbox ("
                    + " message_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " dedupe_key VARCHAR(120) NOT NULL UNIQUE,"
                    + " phone VARCHAR(32) NOT NULL,"
                    + " text VARCHAR(1000) NOT NULL,"
                    + " purpose VARCHAR(32) NOT NULL,"
                    + " state VARCHAR(16) NOT NULL,"
                    + " attempts INTEGER NOT NULL,"
                    + " created_at BIGINT NOT NULL,"
                    + " updated_at BIGINT NOT NULL,"
                    + " last_error VARCHAR(300))",
            "CREATE INDEX IF NOT EXISTS sms_outbox_by_state ON sms_outbox (state, updated_at)");

    private final Database db;
    private final Clock clock;

    public OutboxSmsGateway(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                for (String sql : SCHEMA) {
                    s.execute(sql);
                }
            }
            return null;
        });
    }

    @Override
    public void send(SmsMessage m) {
        long now = clock.millis();
        try {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO sms_outbox (message_id, dedupe_key,"
                        + " phone, text, purpose, state, attempts, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, m.dedupeKey());
                    ps.setString(3, m.phone());
                    ps.setString(4, m.text());
                    ps.setString(5, m.purpose());
                    ps.setLong(6, now);
                    ps.setLong(7, now);
                    ps.executeUpdate();
                }
                return null;
            });
            LOG.info("SMS queued: {}", m);
        } catch (StorageException e) {
            if (!queued(m.dedupeKey())) {
                throw new SmsException("the SMS outbox cannot be written: " + e.getMessage(), true, e);
            }
            LOG.debug("SMS {} was queued before", m.dedupeKey());
        }
    }

    private boolean queued(String dedupeKey) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sms_outbox WHERE dedupe_key = ?")) {
                ps.setString(1, dedupeKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The outbox's rows, oldest first (for tests and reports). */
    public List<Row> rows() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT message_id, dedupe_key, phone, text, purpose,"
                    + " state, attempts FROM sms_outbox ORDER BY created_at, message_id");
                    ResultSet rs = ps.executeQuery()) {
                List<Row> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7)));
                }
                return out;
            }
        });
    }

    Database database() {
        return db;
    }

    Clock clock() {
        return clock;
    }
}
