package org.govkiosk.platform.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.govkiosk.api.CaseState;
import org.govkiosk.shared.calendar.WorkingCalendar;

/** 承诺超时默认 in the store: the default decision of accepted cases not decided by their promised date. */
final class DeemedDecisions {

    private DeemedDecisions() {
    }

    /**
     * 承诺超时默认: every accepted case (受理 or 审核) of {@code items} whose promised date has passed by
     * {@code today} (from the first working day after it) is decided as granted (办结) with {@code note}, through
     * 审核 where it was not there yet, each in its own transaction under its row lock (a case a clerk decided in the
     * meantime is left alone). Returns the numbers of the cases decided.
     */
    static List<String> apply(Database db, WorkingCalendar calendar, Set<String> items, LocalDate today, Instant now,
            String note, DeemedResult result, java.time.ZoneId zone) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<String> due = db.inTransaction(c -> {
            String marks = String.join(", ", Collections.nCopies(items.size(), "?"));
            List<String> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT case_number, promised_date FROM cases"
                    + " WHERE state IN ('ACCEPTED', 'IN_REVIEW') AND promised_date IS NOT NULL AND item_code IN ("
                    + marks + ") ORDER BY case_number")) {
                int i = 1;
                for (String item : items) {
                    ps.setString(i++, item);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (CaseStore.isOverdue(calendar, rs.getObject(2, LocalDate.class), today)) {
                            found.add(rs.getString(1));
                        }
                    }
                }
            }
            return found;
        });
        List<String> decided = new ArrayList<>();
        for (String number : due) {
            boolean moved = db.inTransaction(c -> {
                CaseState from = CaseStore.lockState(c, number);
                if (from != CaseState.ACCEPTED && from != CaseState.IN_REVIEW) {
                    return false;
                }
                List<Filing.Step> steps = new ArrayList<>();
                if (from == CaseState.ACCEPTED) {
                    steps.add(new Filing.Step(CaseState.IN_REVIEW, null));
                }
                steps.add(new Filing.Step(CaseState.COMPLETED, note));
                Optional<byte[]> pdf = document(c, number, result, zone, today);
                CaseStore.file(c, number, from, CaseStore.nextSeq(c, number), new Filing(steps, List.of(),
                        pdf.map(bytes -> n -> bytes)), now);
                return true;
            });
            if (moved) {
                decided.add(number);
            }
        }
        return decided;
    }

    /** The signed result stating the default grant, made from the case as it was submitted. */
    private static Optional<byte[]> document(java.sql.Connection c, String number, DeemedResult result,
            java.time.ZoneId zone, LocalDate today) throws java.sql.SQLException {
        if (result == DeemedResult.NONE) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT submission, received_at, promised_date FROM cases WHERE case_number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return result.pdf(CaseStore.storedSubmission(rs.getString(1), number), number,
                        LocalDate.ofInstant(Instant.ofEpochMilli(rs.getLong(2)), zone),
                        rs.getObject(3, LocalDate.class), today);
            }
        }
    }
}
