package org.govkiosk.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.Deferral;
import org.govkiosk.api.DeferralCommitment;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.Material;
import org.govkiosk.shared.calendar.WorkingCalendar;

/**
 * 容缺受理: the citizen's commitment kept with the case at intake (in the intake's transaction), its deadline (the
 * platform's own count), and the clerk's record that the deferred materials came in. A deferral is overdue from the
 * first working day after its deadline while the materials are outstanding and the case is still being handled.
 */
final class CaseDeferrals {

    private CaseDeferrals() {
    }

    /** Keeps the submission's commitment, if it has one, with {@code deadline} counted by the platform. */
    static void keep(Connection c, String caseNumber, CaseSubmission s, LocalDate deadline) throws SQLException {
        DeferralCommitment commitment = s.commitment();
        if (commitment == null) {
            return;
        }
        List<String> names = s.materials().stream()
                .filter(m -> m.status() == Material.Status.WAIVED_BY_COMMITMENT).map(Material::name).toList();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_deferrals (case_number, material_codes,"
                + " material_names, deadline, terminal_deadline, accepted_at, text_version, text)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, caseNumber);
            ps.setString(2, TextsJson.write(commitment.materials()));
            ps.setString(3, TextsJson.write(names));
            ps.setObject(4, deadline == null ? commitment.deadline() : deadline, Types.DATE);
            ps.setObject(5, commitment.deadline(), Types.DATE);
            ps.setLong(6, commitment.acceptedAt().toEpochMilli());
            ps.setString(7, commitment.textVersion());
            ps.setString(8, commitment.text());
            ps.executeUpdate();
        }
    }

    /**
     * Records that the deferred materials came in (the first time stands).
     *
     * @throws NotFoundException if the case has no deferred materials (or does not exist)
     */
    static void received(Connection c, String caseNumber, Instant now) throws SQLException {
        CaseStore.lockState(c, caseNumber);
        try (PreparedStatement ps = c.prepareStatement("UPDATE case_deferrals SET received_at ="
                + " COALESCE(received_at, ?) WHERE case_number = ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, caseNumber);
            if (ps.executeUpdate() == 0) {
                throw new NotFoundException(ErrorCodes.NOT_FOUND, "case " + caseNumber
                        + " was not accepted with deferred materials (容缺)");
            }
        }
    }

    static Optional<Deferral> view(Connection c, String caseNumber, CaseState state, WorkingCalendar calendar,
            LocalDate today) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT material_names, deadline, accepted_at, text_version,"
                + " received_at FROM case_deferrals WHERE case_number = ?")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                LocalDate deadline = rs.getObject(2, LocalDate.class);
                long received = rs.getLong(5);
                Instant receivedAt = rs.wasNull() ? null : Instant.ofEpochMilli(received);
                // No one waits for materials of a case refused or returned; a finished one was decided with them.
                boolean handled = state == CaseState.NOT_ACCEPTED || state == CaseState.RETURNED;
                boolean overdue = receivedAt == null && !handled && CaseStore.isOverdue(calendar, deadline, today);
                List<String> deferred = TextsJson.read(rs.getString(1), "deferred materials of a case");
                return Optional.of(new Deferral(deferred, deadline, Instant.ofEpochMilli(rs.getLong(3)),
                        rs.getString(4), receivedAt, overdue));
            }
        }
    }
}
