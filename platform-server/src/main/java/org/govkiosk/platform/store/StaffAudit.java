package org.govkiosk.platform.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.govkiosk.platform.staff.StaffMember;

/** Who did what (migration V8): one row per staff action, naming the account and the person. */
public final class StaffAudit {

    /** One recorded action. */
    public record Entry(long id, Instant at, String login, String name, String role, String action, String target,
            String hallCode, String detail) {
    }

    private final Database db;

    public StaffAudit(Database db) {
        this.db = db;
    }

    public void record(StaffMember who, Instant at, String action, String target, String hall, String detail) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff_audit (at, login, name, role, action,"
                    + " target, hall_code, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, who.login());
                ps.setString(3, cut(who.name(), 64));
                ps.setString(4, who.machine() ? "MACHINE" : who.role().name());
                ps.setString(5, cut(action, 200));
                ps.setString(6, cut(target, 200));
                ps.setString(7, cut(hall, 64));
                ps.setString(8, cut(detail, 500));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The newest entries first, at most {@code limit}: of actions in {@code halls} or by accounts of them, or all
     * when {@code halls} is null (the machine token).
     */
    public List<Entry> recent(Set<String> halls, int limit) {
        return db.inTransaction(c -> {
            String where = halls == null ? "" : " WHERE hall_code = ANY (?)"
                    + " OR login IN (SELECT login FROM staff_halls WHERE hall_code = ANY (?))";
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at, login, name, role, action, target,"
                    + " hall_code, detail FROM staff_audit" + where + " ORDER BY id DESC")) {
                if (halls != null) {
                    java.sql.Array a = c.createArrayOf("VARCHAR", halls.toArray());
                    ps.setArray(1, a);
                    ps.setArray(2, a);
                }
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && out.size() < limit) {
                        out.add(new Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                rs.getString(9)));
                    }
                }
            }
            return out;
        });
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
