package org.govkiosk.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.govkiosk.api.CaseReturn;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.JointStep;
import org.govkiosk.api.JointStepState;
import org.govkiosk.api.JointStepUpdate;

/**
 * 联办件: each department's step of a joint case (table {@code case_steps}), made at intake in its transaction, and
 * the departments' records of them under the case's row lock. The joint departments review side by side; the lead
 * department decides after every one of them agreed, and its agreement completes the case; a refusal by any of
 * them returns the case (退回件) with that department's reason in writing.
 */
final class CaseSteps {

    private CaseSteps() {
    }

    static void create(Connection c, String caseNumber, JointDepartments d) throws SQLException {
        List<String> order = new ArrayList<>(d.joint());
        order.add(d.lead());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_steps (case_number, position, department,"
                + " lead, state) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < order.size(); i++) {
                ps.setString(1, caseNumber);
                ps.setInt(2, i);
                ps.setString(3, order.get(i));
                ps.setBoolean(4, i == order.size() - 1);
                ps.setString(5, JointStepState.WAITING.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static List<JointStep> of(Connection c, String caseNumber) throws SQLException {
        List<JointStep> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT department, lead, state, done_by, updated_at, note"
                + " FROM case_steps WHERE case_number = ? ORDER BY position")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long at = rs.getLong(5);
                    Instant when = rs.wasNull() ? null : Instant.ofEpochMilli(at);
                    out.add(new JointStep(rs.getString(1), rs.getBoolean(2), JointStepState.valueOf(rs.getString(3)),
                            rs.getString(4), when, rs.getString(6)));
                }
            }
        }
        return out;
    }

    /**
     * Records a department's step and moves the case where it decides it: the first step taken puts an accepted case
     * under review (审核); the lead's agreement completes it (办结); a refusal returns it (退回).
     *
     * @throws NotFoundException if there is no such case, or it has no step of that department
     * @throws StoreConflict     if the case is not accepted or under review, the step was decided otherwise before,
     *                           or the lead agrees before every joint department did
     */
    static void record(Connection c, String caseNumber, JointStepUpdate u, Instant now) throws SQLException {
        CaseState from = CaseStore.lockState(c, caseNumber);
        List<JointStep> steps = of(c, caseNumber);
        if (steps.isEmpty()) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "case " + caseNumber
                    + " is not a joint case with departments' steps");
        }
        int position = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).department().equals(u.department())) {
                position = i;
            }
        }
        if (position < 0) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "case " + caseNumber + " has no step of "
                    + u.department() + "; its departments: " + steps.stream().map(JointStep::department).toList());
        }
        JointStep step = steps.get(position);
        if (step.state().isDecided()) {
            if (step.state() == u.state() && java.util.Objects.equals(step.note(), u.note())) {
                return; // the same record again (a resend): it stands
            }
            throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, u.department() + " already " + step.state()
                    + " on case " + caseNumber + "; a decided step does not change");
        }
        if (from != CaseState.ACCEPTED && from != CaseState.IN_REVIEW) {
            throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "the departments record their steps once the case"
                    + " is accepted and until it is decided; it is " + from);
        }
        if (step.lead() && u.state() == JointStepState.AGREED) {
            List<String> open = steps.stream().filter(s -> !s.lead() && s.state() != JointStepState.AGREED)
                    .map(JointStep::department).toList();
            if (!open.isEmpty()) {
                throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "the lead department decides after the joint"
                        + " departments; not agreed yet: " + open);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE case_steps SET state = ?, done_by = ?, updated_at = ?,"
                + " note = ? WHERE case_number = ? AND position = ?")) {
            ps.setString(1, u.state().name());
            ps.setString(2, u.clerk());
            ps.setLong(3, now.toEpochMilli());
            ps.setString(4, u.note());
            ps.setString(5, caseNumber);
            ps.setInt(6, position);
            ps.executeUpdate();
        }
        if (u.state() == JointStepState.REFUSED) {
            String who = step.lead() ? "牵头部门" : "联办部门";
            CaseReturns.apply(c, caseNumber, new CaseReturn(u.department(), u.clerk(),
                    List.of(who + u.department() + "审查不同意：" + u.note()), null), now);
            return;
        }
        List<Filing.Step> moves = new ArrayList<>();
        if (from == CaseState.ACCEPTED) {
            moves.add(new Filing.Step(CaseState.IN_REVIEW, "联办件并联审查：" + u.department() + "已开始办理"));
        }
        if (step.lead() && u.state() == JointStepState.AGREED) {
            moves.add(new Filing.Step(CaseState.COMPLETED, "联办部门均已同意，牵头部门" + u.department() + "作出决定："
                    + (u.note() == null ? "准予办理" : u.note())));
        }
        if (!moves.isEmpty()) {
            CaseStore.file(c, caseNumber, from, CaseStore.nextSeq(c, caseNumber),
                    new Filing(moves, List.of(), Optional.empty()), now);
        }
    }

    /** Whether the lead department of a joint case with steps has agreed (true for a case without steps). */
    static boolean leadAgreedOrNone(Connection c, String caseNumber) throws SQLException {
        List<JointStep> steps = of(c, caseNumber);
        return steps.isEmpty() || steps.stream().anyMatch(s -> s.lead() && s.state() == JointStepState.AGREED);
    }
}
