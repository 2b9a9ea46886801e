package org.govkiosk.platform.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;

/** Sessions ended by logout before their expiry, in the database so that every platform instance knows. */
public final class SessionRevocations {

    private final Database db;
    private final Clock clock;

    public SessionRevocations(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Ends session {@code id}, which would otherwise last until {@code expiresAt}; again is harmless. */
    public void revoke(String id, Instant expiresAt) {
        try {
            db.inTransaction(c -> {
                try (PreparedStatement purge = c.prepareStatement("DELETE FROM revoked_sessions WHERE expires_at < ?");
                        PreparedStatement ps = c.prepareStatement(
                                "INSERT INTO revoked_sessions (session_id, expires_at) VALUES (?, ?)")) {
                    purge.setLong(1, clock.instant().getEpochSecond());
                    purge.executeUpdate();
                    ps.setString(1, id);
                    ps.setLong(2, expiresAt.getEpochSecond());
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (StorageException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    public boolean isRevoked(String id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM revoked_sessions WHERE session_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
