package org.govkiosk.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.platform.staff.Role;
import org.govkiosk.platform.staff.StaffMember;

/** Staff accounts and their halls (migration V8). Passwords arrive here already hashed. */
public final class StaffAccounts {

    /** An account as stored: who, its hash, and whether it may sign in. */
    public record Account(StaffMember member, String passwordHash, boolean disabled) {
    }

    private final Database db;

    public StaffAccounts(Database db) {
        this.db = db;
    }

    public Optional<Account> find(String login) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT login, name, role, password_hash, disabled FROM staff_accounts WHERE login = ?")) {
                ps.setString(1, login);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Account>empty();
                    }
                    return Optional.of(new Account(StaffMember.person(rs.getString(1), rs.getString(2),
                            Role.valueOf(rs.getString(3)), halls(c, login)), rs.getString(4), rs.getBoolean(5)));
                }
            }
        });
    }

    /** @throws StoreConflict (409 conflict) if the login is taken */
    public void create(StaffMember member, String passwordHash, Instant now) {
        try {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff_accounts (login, name, role,"
                        + " password_hash, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, FALSE, ?, ?)")) {
                    ps.setString(1, member.login());
                    ps.setString(2, member.name());
                    ps.setString(3, member.role().name());
                    ps.setString(4, passwordHash);
                    ps.setLong(5, now.toEpochMilli());
                    ps.setLong(6, now.toEpochMilli());
                    ps.executeUpdate();
                }
                setHalls(c, member.login(), member.halls());
                return null;
            });
        } catch (StorageException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new StoreConflict(ErrorCodes.ACCOUNT_EXISTS, "an account with this login exists");
            }
            throw e;
        }
    }

    /**
     * Changes what is given of an account (role, halls, disabled, password hash); disabling it or changing its
     * password ends its sessions in the same transaction.
     *
     * @throws NotFoundException if there is no such account
     */
    public void update(String login, Optional<Role> role, Optional<Set<String>> halls, Optional<Boolean> disabled,
            Optional<String> passwordHash, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE staff_accounts SET updated_at = ? WHERE login = ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setString(2, login);
                if (ps.executeUpdate() == 0) {
                    throw new NotFoundException(ErrorCodes.NOT_FOUND, "no staff account with this login");
                }
            }
            if (role.isPresent()) {
                set(c, "role", role.get().name(), login);
            }
            if (passwordHash.isPresent()) {
                set(c, "password_hash", passwordHash.get(), login);
            }
            if (disabled.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE staff_accounts SET disabled = ? WHERE login = ?")) {
                    ps.setBoolean(1, disabled.get());
                    ps.setString(2, login);
                    ps.executeUpdate();
                }
            }
            if (halls.isPresent()) {
                setHalls(c, login, halls.get());
            }
            if (disabled.orElse(false) || passwordHash.isPresent() || role.isPresent() || halls.isPresent()) {
                // What the sessions were opened under is no longer true: sign in again.
                StaffSessions.endAll(c, login);
            }
            return null;
        });
    }

    /** Re-hashes a password at sign-in (stronger parameters); sessions stay. */
    public void rehash(String login, String passwordHash) {
        db.inTransaction(c -> {
            set(c, "password_hash", passwordHash, login);
            return null;
        });
    }

    /** The accounts bound to any of {@code halls} (null: all), by login, with whether each is disabled. */
    public List<Account> inHalls(Set<String> halls) {
        return db.inTransaction(c -> {
            Map<String, Account> found = new LinkedHashMap<>();
            if (halls == null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT login FROM staff_accounts");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.putIfAbsent(rs.getString(1), null);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT a.login FROM staff_accounts a JOIN"
                    + " staff_halls h ON h.login = a.login WHERE h.hall_code = ? ORDER BY a.login")) {
                for (String hall : halls == null ? Set.<String>of() : halls) {
                    ps.setString(1, hall);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.putIfAbsent(rs.getString(1), null);
                        }
                    }
                }
            }
            List<Account> out = new ArrayList<>();
            for (String login : new TreeSet<>(found.keySet())) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT name, role, disabled FROM staff_accounts WHERE login = ?")) {
                    ps.setString(1, login);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.add(new Account(StaffMember.person(login, rs.getString(1),
                                    Role.valueOf(rs.getString(2)), halls(c, login)), null, rs.getBoolean(3)));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** The hall of rating {@code ratingId} (its terminal's, else its case's: {@link HallScope#RATING_HALL}), if any. */
    public Optional<String> hallOfRating(String ratingId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + HallScope.RATING_HALL
                    + " FROM ratings r WHERE r.rating_id = ?")) {
                ps.setString(1, ratingId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    private static void set(Connection c, String column, String value, String login) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE staff_accounts SET " + column + " = ? WHERE login = ?")) {
            ps.setString(1, value);
            ps.setString(2, login);
            ps.executeUpdate();
        }
    }

    private static TreeSet<String> halls(Connection c, String login) throws SQLException {
        TreeSet<String> halls = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT hall_code FROM staff_halls WHERE login = ?")) {
            ps.setString(1, login);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    halls.add(rs.getString(1));
                }
            }
        }
        return halls;
    }

    private static void setHalls(Connection c, String login, Set<String> halls) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM staff_halls WHERE login = ?");
                PreparedStatement ins = c.prepareStatement(
                        "INSERT INTO staff_halls (login, hall_code) VALUES (?, ?)")) {
            del.setString(1, login);
            del.executeUpdate();
            for (String hall : halls) {
                ins.setString(1, login);
                ins.setString(2, hall);
                ins.executeUpdate();
            }
        }
    }
}
