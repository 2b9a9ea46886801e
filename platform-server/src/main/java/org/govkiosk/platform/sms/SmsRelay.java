package org.govkiosk.platform.sms;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.govkiosk.personal.Masking;
import org.govkiosk.platform.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's PENDING messages on through the operator's gateway. A row is claimed by one instance at a
 * time (an UPDATE that only one instance's can change from PENDING to SENDING); a claim older than
 * {@link #STALE_CLAIM} (its instance died while sending) is pending again. Failures count attempts; after
 * {@link SmsSettings#maxAttempts()} or a failure no retry can mend the row is FAILED, with the error, for a person.
 */
public final class SmsRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmsRelay.class);
    static final Duration STALE_CLAIM = Duration.ofMinutes(5);
    private static final int BATCH = 50;

    private final OutboxSmsGateway outbox;
    private final SmsGateway gateway;
    private final int maxAttempts;

    public SmsRelay(OutboxSmsGateway outbox, SmsGateway gateway, int maxAttempts) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.maxAttempts = maxAttempts;
    }

    /** @return how many messages were handed to the gateway in this run */
    public int runOnce() {
        Database db = outbox.database();
        long now = outbox.clock().millis();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sms_outbox SET state = 'PENDING'"
                    + " WHERE state = 'SENDING' AND updated_at < ?")) {
                ps.setLong(1, now - STALE_CLAIM.toMillis());
                ps.executeUpdate();
            }
            return null;
        });
        List<OutboxSmsGateway.Row> pending = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT message_id, dedupe_key, phone, text, purpose,"
                    + " state, attempts FROM sms_outbox WHERE state = 'PENDING' ORDER BY created_at LIMIT " + BATCH);
                    ResultSet rs = ps.executeQuery()) {
                List<OutboxSmsGateway.Row> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new OutboxSmsGateway.Row(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7)));
                }
                return out;
            }
        });
        int sent = 0;
        for (OutboxSmsGateway.Row row : pending) {
            if (!move(row.messageId(), "PENDING", "SENDING", row.attempts(), null, now)) {
                continue; // another instance has it
            }
            try {
                gateway.send(new SmsMessage(row.dedupeKey(), row.phone(), row.text(), row.purpose()));
                move(row.messageId(), "SENDING", "SENT", row.attempts() + 1, null, now);
                LOG.info("SMS {} sent to {}", row.purpose(), Masking.phone(row.phone()));
                sent++;
            } catch (SmsException | IllegalArgumentException e) {
                boolean retry = e instanceof SmsException s && s.retryable() && row.attempts() + 1 < maxAttempts;
                move(row.messageId(), "SENDING", retry ? "PENDING" : "FAILED", row.attempts() + 1,
                        e.getMessage(), now);
                LOG.warn("SMS {} to {} not sent (attempt {}{}): {}", row.purpose(), Masking.phone(row.phone()),
                        row.attempts() + 1, retry ? ", will retry" : ", given up", e.getMessage());
            }
        }
        return sent;
    }

    /** Lets go of the gateway's connection (an SMPP session is unbound). */
    @Override
    public void close() {
        gateway.close();
    }

    private boolean move(String id, String from, String to, int attempts, String error, long now) {
        return outbox.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sms_outbox SET state = ?, attempts = ?,"
                    + " updated_at = ?, last_error = ? WHERE message_id = ? AND state = ?")) {
                ps.setString(1, to);
                ps.setInt(2, attempts);
                ps.setLong(3, now);
                ps.setString(4, error == null ? null : error.substring(0, Math.min(300, error.length())));
                ps.setString(5, id);
                ps.setString(6, from);
                return ps.executeUpdate() == 1;
            }
        });
    }
}
