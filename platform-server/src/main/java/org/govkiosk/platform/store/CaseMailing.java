package org.govkiosk.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.Mailing;
import org.govkiosk.api.MailingAddress;
import org.govkiosk.api.MailingState;
import org.govkiosk.api.MailingUpdate;

/**
 * 证照特快专递: the mailing of a case's result when the citizen chose it at the terminal (table {@code case_mailing}),
 * made at intake (WAITING) and moved on by a clerk: MAILED with the carrier and tracking number (the citizen gets
 * an SMS notice, recorded in the same transaction), then DELIVERED or RETURNED. The address itself stays in the
 * submission; the row keeps only its masked form for the public view.
 */
final class CaseMailing {

    private CaseMailing() {
    }

    static void create(Connection c, String caseNumber, MailingAddress to, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_mailing (case_number, address_masked, state,"
                + " updated_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, caseNumber);
            ps.setString(2, masked(to));
            ps.setString(3, MailingState.WAITING.name());
            ps.setLong(4, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** The region and a masked street: what a public screen may show of where the result goes. */
    static String masked(MailingAddress to) {
        String m = to.masked();
        return m.length() <= 200 ? m : m.substring(0, 199) + "…";
    }

    static Optional<Mailing> of(Connection c, String caseNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state, address_masked, carrier, tracking_number,"
                + " updated_at FROM case_mailing WHERE case_number = ?")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Mailing(MailingState.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5))));
            }
        }
    }

    /**
     * Moves the mailing on. The same record again (a resend) changes nothing.
     *
     * @throws NotFoundException if there is no such case, or its result is not mailed
     * @throws StoreConflict     if the case is not decided (办结) yet, or the move is not WAITING → MAILED →
     *                           DELIVERED | RETURNED
     */
    static void update(Connection c, String caseNumber, MailingUpdate u, Instant now) throws SQLException {
        CaseState state = CaseStore.lockState(c, caseNumber);
        Mailing m = of(c, caseNumber).orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "the result of"
                + " case " + caseNumber + " is not mailed: the citizen did not choose mail"));
        if (m.state() == u.state()) {
            if (u.state() == MailingState.MAILED && !u.trackingNumber().equals(m.trackingNumber())) {
                throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "case " + caseNumber
                        + " was mailed already under another tracking number");
            }
            return;
        }
        if (state != CaseState.COMPLETED && state != CaseState.CERTIFICATE_ISSUED) {
            throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "a result is mailed once the case is decided"
                    + " (COMPLETED); it is " + state);
        }
        boolean allowed = switch (u.state()) {
            case MAILED -> m.state() == MailingState.WAITING;
            case DELIVERED, RETURNED -> m.state() == MailingState.MAILED;
            case WAITING -> false;
        };
        if (!allowed) {
            throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "the mailing cannot move from " + m.state()
                    + " to " + u.state());
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE case_mailing SET state = ?, carrier = COALESCE(?,"
                + " carrier), tracking_number = COALESCE(?, tracking_number), updated_by = ?, updated_at = ?"
                + " WHERE case_number = ?")) {
            ps.setString(1, u.state().name());
            ps.setString(2, u.state() == MailingState.MAILED ? u.carrier() : null);
            ps.setString(3, u.state() == MailingState.MAILED ? u.trackingNumber() : null);
            ps.setString(4, u.clerk());
            ps.setLong(5, now.toEpochMilli());
            ps.setString(6, caseNumber);
            ps.executeUpdate();
        }
        if (u.state() == MailingState.MAILED) {
            CaseNotices.record(c, caseNumber, CaseNotices.Notice.MAILED, now);
        }
    }
}
