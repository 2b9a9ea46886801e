package org.govkiosk.platform.ratings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govkiosk.api.WindowDepartment;
import org.govkiosk.platform.store.Database;

/**
 * The hall's windows and the departments they serve for, kept in the database (every instance reads the same map):
 * a new ledger entry is owned by its window's department, and the reports count a window's ratings under it.
 */
final class WindowDepartments {

    /** What a rating without a mapped window counts under. */
    static final String UNASSIGNED = LedgerRates.UNASSIGNED;

    private final Database db;
    private final Clock clock;

    WindowDepartments(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Sets (or replaces) one window's department. */
    WindowDepartment put(WindowDepartment w) {
        db.inTransaction(c -> {
            int changed = RatingLedger.update(c, "UPDATE rating_window_departments SET department = ?,"
                    + " updated_by = ?, updated_at = ? WHERE hall_code = ? AND window_id = ?", w.department().strip(),
                    w.updatedBy(), clock.millis(), w.hallCode(), w.windowId());
            if (changed == 0) {
                RatingLedger.update(c, "INSERT INTO rating_window_departments (hall_code, window_id, department,"
                        + " updated_by, updated_at) VALUES (?, ?, ?, ?, ?)", w.hallCode(), w.windowId(),
                        w.department().strip(), w.updatedBy(), clock.millis());
            }
            return null;
        });
        return new WindowDepartment(w.hallCode(), w.windowId(), w.department().strip(), w.updatedBy());
    }

    List<WindowDepartment> all() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT hall_code, window_id, department, updated_by"
                    + " FROM rating_window_departments ORDER BY hall_code, window_id");
                    ResultSet rs = ps.executeQuery()) {
                List<WindowDepartment> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new WindowDepartment(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                }
                return out;
            }
        });
    }

    /** The whole map, read once for a report: (hall, window) → department. */
    Map<String, String> snapshot() {
        Map<String, String> out = new HashMap<>();
        for (WindowDepartment w : all()) {
            out.put(key(w.hallCode(), w.windowId()), w.department());
        }
        return out;
    }

    static String key(String hallCode, String windowId) {
        return hallCode + "\n" + windowId;
    }

    /** The department of a window in the caller's transaction, if it is mapped. */
    static Optional<String> of(Connection c, String hallCode, String windowId) throws SQLException {
        if (hallCode == null || windowId == null) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT department FROM rating_window_departments"
                + " WHERE hall_code = ? AND window_id = ?")) {
            ps.setString(1, hallCode);
            ps.setString(2, windowId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
