package org.govkiosk.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Wrong credentials per client address, in the database so that every platform instance behind a load balancer
 * counts the same failures and keeps the same lockout: a guesser spread over the instances gets no more tries than
 * one talking to one. The rules (how many, how long) are the caller's; this keeps the counts.
 */
public final class LoginFailures {

    /** Longest client key kept (an IPv6 address with zone fits). */
    private static final int MAX_CLIENT = 64;

    private final Database db;

    public LoginFailures(Database db) {
        this.db = db;
    }

    /** When {@code client}'s lockout ends, if one was started. */
    public Optional<Instant> lockedUntil(String client) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT locked_until FROM login_failures WHERE client = ?")) {
                ps.setString(1, key(client));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Instant>empty();
                    }
                    long until = rs.getLong(1);
                    return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(until));
                }
            }
        });
    }

    /**
     * Counts a failure of {@code client} at {@code now}: failures further apart than {@code lockout} start again at
     * one; the one that reaches {@code maxFailures} locks the client out until {@code now + lockout} and resets the
     * count. Atomic across instances (the row is locked while it is counted).
     *
     * @return the end of the lockout this failure started, if it started one
     */
    public Optional<Instant> failed(String client, Instant now, int maxFailures, Duration lockout) {
        String key = key(client);
        for (int attempt = 1; ; attempt++) {
            try {
                return db.inTransaction(c -> {
                    purge(c, now, lockout);
                    int before = 0;
                    boolean exists;
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT failures, last_failure FROM login_failures WHERE client = ? FOR UPDATE")) {
                        ps.setString(1, key);
                        try (ResultSet rs = ps.executeQuery()) {
                            exists = rs.next();
                            if (exists && !Instant.ofEpochMilli(rs.getLong(2)).plus(lockout).isBefore(now)) {
                                before = rs.getInt(1);
                            }
                        }
                    }
                    int failures = before + 1;
                    Optional<Instant> lockedUntil = failures >= maxFailures ? Optional.of(now.plus(lockout))
                            : Optional.empty();
                    String sql = exists
                            ? "UPDATE login_failures SET failures = ?, last_failure = ?, locked_until = ?"
                                    + " WHERE client = ?"
                            : "INSERT INTO login_failures (failures, last_failure, locked_until, client)"
                                    + " VALUES (?, ?, ?, ?)";
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setInt(1, lockedUntil.isPresent() ? 0 : failures);
                        ps.setLong(2, now.toEpochMilli());
                        if (lockedUntil.isPresent()) {
                            ps.setLong(3, lockedUntil.get().toEpochMilli());
                        } else {
                            ps.setNull(3, Types.BIGINT);
                        }
                        ps.setString(4, key);
                        ps.executeUpdate();
                    }
                    return lockedUntil;
                });
            } catch (StorageException e) {
                if (attempt >= 5 || !(Sql.isUniqueViolation(e) || Sql.isRetryableRace(e))) {
                    throw e;
                }
                Sql.pause(attempt); // a second instance counted this client's first failure at the same moment
            }
        }
    }

    /** The client got in: its count starts again. */
    public void succeeded(String client) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_failures WHERE client = ?")) {
                ps.setString(1, key(client));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Rows that no longer count (last failure and lockout both past) go, so the table holds recent guessers only. */
    private static void purge(Connection c, Instant now, Duration lockout) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_failures WHERE last_failure < ?"
                + " AND (locked_until IS NULL OR locked_until < ?)")) {
            ps.setLong(1, now.minus(lockout).toEpochMilli());
            ps.setLong(2, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    private static String key(String client) {
        String k = client == null ? "" : client;
        return k.length() > MAX_CLIENT ? k.substring(0, MAX_CLIENT) : k;
    }
}
