package org.govkiosk.platform.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Signed-in staff sessions in the database (migration V8), so that every instance behind a load balancer knows
 * them and a sign-out or a disabled account ends them everywhere at once. The token the browser or API caller holds
 * is 32 random bytes; only its SHA-256 is stored, so a copy of the table signs nobody in. A session ends at its
 * absolute expiry, or when it was idle longer than the idle limit.
 */
public final class StaffSessions {

    /** Session tokens start with this, so that a log or a secret scanner can tell them from other tokens. */
    public static final String PREFIX = "gks_";
    /** How stale last_seen may get before a use writes it again (saves a write per request). */
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(30);

    /** A new session: the token to hand out (once), its CSRF token and its absolute end. */
    public record Issued(String token, String csrf, Instant expiresAt) {
    }

    /** A live session found by its token. */
    public record Session(String login, String csrf, Instant expiresAt) {
    }

    private final Database db;
    private final SecureRandom random = new SecureRandom();

    public StaffSessions(Database db) {
        this.db = db;
    }

    public Issued open(String login, Instant now, Duration absolute) {
        String token = PREFIX + randomText();
        String csrf = randomText();
        Instant expires = now.plus(absolute);
        db.inTransaction(c -> {
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM staff_sessions WHERE expires_at < ?");
                    PreparedStatement ps = c.prepareStatement("INSERT INTO staff_sessions (token_sha256, login, csrf,"
                            + " created_at, last_seen, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                purge.setLong(1, now.toEpochMilli());
                purge.executeUpdate();
                ps.setString(1, sha256(token));
                ps.setString(2, login);
                ps.setString(3, csrf);
                ps.setLong(4, now.toEpochMilli());
                ps.setLong(5, now.toEpochMilli());
                ps.setLong(6, expires.toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
        return new Issued(token, csrf, expires);
    }

    /** The live session of {@code token} at {@code now}, refreshing its idle clock; empty if none or expired. */
    public Optional<Session> find(String token, Instant now, Duration idle) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String key = sha256(token);
        return db.inTransaction(c -> {
            Session found;
            long lastSeen;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT login, csrf, last_seen, expires_at FROM staff_sessions WHERE token_sha256 = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Session>empty();
                    }
                    lastSeen = rs.getLong(3);
                    found = new Session(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(4)));
                }
            }
            if (!now.isBefore(found.expiresAt()) || !now.isBefore(Instant.ofEpochMilli(lastSeen).plus(idle))) {
                end(c, key);
                return Optional.<Session>empty();
            }
            if (now.toEpochMilli() - lastSeen >= TOUCH_EVERY.toMillis()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE staff_sessions SET last_seen = ? WHERE token_sha256 = ?")) {
                    ps.setLong(1, now.toEpochMilli());
                    ps.setString(2, key);
                    ps.executeUpdate();
                }
            }
            return Optional.of(found);
        });
    }

    /** Whether {@code token}'s session is live at {@code now}, without counting this as a use (no idle refresh). */
    public boolean live(String token, Instant now, Duration idle) {
        String key = sha256(token);
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_seen, expires_at FROM staff_sessions WHERE token_sha256 = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && now.isBefore(Instant.ofEpochMilli(rs.getLong(1)).plus(idle))
                            && now.toEpochMilli() < rs.getLong(2);
                }
            }
        });
    }

    /** Ends the session of {@code token} (sign-out); again is harmless. */
    public void end(String token) {
        if (token == null) {
            return;
        }
        db.inTransaction(c -> {
            end(c, sha256(token));
            return null;
        });
    }

    static void endAll(Connection c, String login) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM staff_sessions WHERE login = ?")) {
            ps.setString(1, login);
            ps.executeUpdate();
        }
    }

    private static void end(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM staff_sessions WHERE token_sha256 = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }

    private String randomText() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
