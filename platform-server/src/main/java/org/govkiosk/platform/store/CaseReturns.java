package org.govkiosk.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.govkiosk.api.CaseReturn;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.ReturnNotice;

/**
 * 退回件: a department returns a case with its reasons in writing. The return is one row per case (who returned it,
 * when, the reasons and what to do next) beside the case's move to RETURNED and its history event, all in the
 * caller's transaction.
 */
final class CaseReturns {

    private CaseReturns() {
    }

    /**
     * Returns the case: state RETURNED, the reasons as its note (numbered, as the history shows them) and kept one by
     * one for the 退回通知.
     *
     * @throws NotFoundException if there is no such case
     * @throws StoreConflict     if the case is already decided
     */
    static void apply(Connection c, String caseNumber, CaseReturn r, Instant now) throws SQLException {
        apply(c, caseNumber, r, now, CaseNotices.Notice.RETURNED);
    }

    /** As above, the citizen told by {@code notice} (a return of the platform's own has its own words). */
    static void apply(Connection c, String caseNumber, CaseReturn r, Instant now, CaseNotices.Notice notice)
            throws SQLException {
        CaseState from = CaseStore.lockState(c, caseNumber);
        if (!from.canMoveTo(CaseState.RETURNED)) {
            throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "case cannot be returned from " + from
                    + "; only a case not yet decided can");
        }
        String note = numbered(r.reasons());
        try (PreparedStatement ps = c.prepareStatement("UPDATE cases SET state = ?, note = ?, updated_at = ?,"
                + " outstanding = NULL WHERE case_number = ?")) {
            ps.setString(1, CaseState.RETURNED.name());
            ps.setString(2, note.length() <= 2000 ? note : note.substring(0, 1999) + "…");
            ps.setLong(3, now.toEpochMilli());
            ps.setString(4, caseNumber);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_returns (case_number, department,"
                + " returned_by, reasons, next_steps, returned_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, caseNumber);
            ps.setString(2, r.department());
            ps.setString(3, r.returnedBy());
            ps.setString(4, TextsJson.write(r.reasons()));
            ps.setString(5, r.nextSteps());
            ps.setLong(6, now.toEpochMilli());
            ps.executeUpdate();
        }
        CaseStore.addEvent(c, caseNumber, CaseStore.nextSeq(c, caseNumber), CaseState.RETURNED, now,
                note.length() <= 2000 ? note : note.substring(0, 1999) + "…", notice);
    }

    /** The return of a case as the public view shows it (without who returned it); empty if it was not returned. */
    static Optional<ReturnNotice> notice(Connection c, String caseNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT department, reasons, next_steps, returned_at"
                + " FROM case_returns WHERE case_number = ?")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<String> reasons = TextsJson.read(rs.getString(2), "reasons of a returned case");
                return Optional.of(new ReturnNotice(rs.getString(1), reasons, rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))));
            }
        }
    }

    /** Who returned the case, for the record; empty if it was not returned. */
    static Optional<String> returnedBy(Connection c, String caseNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT returned_by FROM case_returns WHERE case_number = ?")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** 1. first reason；2. second reason — one line of the history. */
    static String numbered(List<String> reasons) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < reasons.size(); i++) {
            b.append(i == 0 ? "" : "；").append(i + 1).append(". ").append(reasons.get(i).strip());
        }
        return b.toString();
    }
}
