package org.govkiosk.platform.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.govkiosk.api.CaseReturn;
import org.govkiosk.api.CaseState;
import org.govkiosk.shared.calendar.WorkingCalendar;

/**
 * 容缺 in the store: a case whose deferred materials did not come by the deadline of its commitment is ended as the
 * commitment says (容缺受理承诺书: 逾期未补交的，本次申请视为撤回): from the first working day after the deadline, a case
 * not yet decided is returned (退回, the state that ends a case with its reasons in writing and lets the citizen
 * apply again) with the written reason, each in its own transaction under its row lock; the citizen's SMS notice is
 * the lapse's own, recorded in that transaction. A case already decided is left to the department (撤销 is its legal
 * act, not the platform's): it stays on the clerk's overdue list.
 */
final class DeferralLapses {

    /** Who ended the case, as the return records it. */
    static final String BY = "platform:deferral-deadline";

    private DeferralLapses() {
    }

    static List<String> apply(Database db, WorkingCalendar calendar, LocalDate today, Instant now,
            String department) {
        List<String> due = db.inTransaction(c -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT d.case_number, d.deadline FROM case_deferrals d"
                    + " JOIN cases c ON c.case_number = d.case_number WHERE d.received_at IS NULL"
                    + " AND d.lapsed_at IS NULL AND c.state IN ('SUBMITTED', 'NEEDS_SUPPLEMENT', 'ACCEPTED',"
                    + " 'IN_REVIEW') ORDER BY d.case_number")) {
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
        List<String> ended = new ArrayList<>();
        for (String number : due) {
            boolean done = db.inTransaction(c -> {
                CaseState from = CaseStore.lockState(c, number);
                LocalDate deadline;
                List<String> names;
                try (PreparedStatement ps = c.prepareStatement("SELECT deadline, material_names, received_at,"
                        + " lapsed_at FROM case_deferrals WHERE case_number = ?")) {
                    ps.setString(1, number);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        deadline = rs.getObject(1, LocalDate.class);
                        names = TextsJson.read(rs.getString(2), "deferred materials of a case");
                        rs.getLong(3);
                        boolean received = !rs.wasNull();
                        rs.getLong(4);
                        boolean lapsed = !rs.wasNull();
                        // A clerk recorded the materials, or another instance ended it, in the meantime.
                        if (received || lapsed || !from.canMoveTo(CaseState.RETURNED)) {
                            return false;
                        }
                    }
                }
                CaseReturns.apply(c, number, new CaseReturn(department, BY, List.of(reason(names, deadline)),
                        "补齐材料后可重新申报"), now, CaseNotices.Notice.DEFERRAL_LAPSED);
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE case_deferrals SET lapsed_at = ? WHERE case_number = ?")) {
                    ps.setLong(1, now.toEpochMilli());
                    ps.setString(2, number);
                    ps.executeUpdate();
                }
                return true;
            });
            if (done) {
                ended.add(number);
            }
        }
        return ended;
    }

    /** The written reason: what was deferred, by when, and the commitment's consequence. */
    static String reason(List<String> names, LocalDate deadline) {
        String what = names.isEmpty() ? "容缺后补的材料" : "容缺后补的材料（" + String.join("、", names) + "）";
        String text = what + "未在承诺期限" + deadline.getYear() + "年" + deadline.getMonthValue() + "月"
                + deadline.getDayOfMonth() + "日前补交，依《容缺受理承诺书》本次申请视为撤回，办理终止。";
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
