package org.govkiosk.platform.store;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.api.NonceStore;

/**
 * Nonces of accepted requests in the database, so a replay is refused across restarts and across platform
 * instances sharing the database. Old nonces are purged now and then; the timestamp check refuses those anyway.
 */
public final class JdbcNonceStore implements NonceStore {

    private static final int PURGE_EVERY = 500;

    private final Database db;
    private final Duration window;
    private final Clock clock;
    private final AtomicInteger calls = new AtomicInteger();

    public JdbcNonceStore(Database db, Duration window, Clock clock) {
        this.db = db;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String terminalId, String nonce, Instant at) {
        if (calls.incrementAndGet() % PURGE_EVERY == 0) {
            purge();
        }
        try {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO seen_nonces (terminal_id, nonce, seen_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, terminalId);
                    ps.setString(2, nonce);
                    ps.setLong(3, at.toEpochMilli());
                    ps.executeUpdate();
                }
                return null;
            });
            return true;
        } catch (StorageException e) {
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Forgets nonces older than the window; returns how many. */
    public int purge() {
        long horizon = clock.instant().minus(window).toEpochMilli();
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM seen_nonces WHERE seen_at < ?")) {
                ps.setLong(1, horizon);
                return ps.executeUpdate();
            }
        });
    }
}
