package org.govkiosk.platform.pads;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.govkiosk.api.PadErrorCodes;
import org.govkiosk.api.PadRegistration;
import org.govkiosk.api.PadRegistrationReceipt;
import org.govkiosk.platform.http.ApiException;
import org.govkiosk.platform.store.Database;

/** Which window each pad serves. A pad is an enrolled terminal; binding it to a window is all this adds. */
final class PadDirectory {

    private final Database db;

    PadDirectory(Database db) {
        this.db = db;
    }

    /**
     * Binds (or moves) the pad.
     *
     * @throws ApiException 403 if the hall is not the one the terminal was enrolled for
     */
    PadRegistrationReceipt register(PadRegistration r, Instant now) {
        return db.inTransaction(c -> {
            String enrolledHall = enrolledHall(c, r.padId());
            if (enrolledHall == null || !enrolledHall.equals(r.hallCode())) {
                throw ApiException.client(403, PadErrorCodes.HALL_MISMATCH,
                        "pad " + r.padId() + " was enrolled for another hall than " + r.hallCode());
            }
            Optional<PadBinding> before = binding(c, r.padId());
            String sql = before.isPresent()
                    ? "UPDATE pad_windows SET hall_code = ?, window_id = ?, registered_at = ? WHERE pad_id = ?"
                    : "INSERT INTO pad_windows (hall_code, window_id, registered_at, pad_id) VALUES (?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, r.hallCode());
                ps.setString(2, r.windowId());
                ps.setLong(3, now.toEpochMilli());
                ps.setString(4, r.padId());
                ps.executeUpdate();
            }
            String previous = before.map(PadBinding::windowId).filter(w -> !w.equals(r.windowId())).orElse(null);
            return new PadRegistrationReceipt(r.padId(), r.hallCode(), r.windowId(), previous, now);
        });
    }

    Optional<PadBinding> binding(String padId) {
        return db.inTransaction(c -> binding(c, padId));
    }

    private static Optional<PadBinding> binding(Connection c, String padId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT hall_code, window_id FROM pad_windows WHERE pad_id = ?")) {
            ps.setString(1, padId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new PadBinding(padId, rs.getString(1), rs.getString(2)))
                        : Optional.empty();
            }
        }
    }

    private static String enrolledHall(Connection c, String terminalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hall_code FROM terminals WHERE terminal_id = ?")) {
            ps.setString(1, terminalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
