package org.govkiosk.platform.ratings;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.govkiosk.api.FollowUpRates;
import org.govkiosk.api.LedgerState;
import org.govkiosk.platform.store.Database;

/**
 * The follow-up ledger's rates: of the real-name bad ratings received in a period, those called back and closed with
 * a rectification (回访整改率) and those closed by their first deadline, an extension notwithstanding (on-time rate).
 */
final class LedgerRates {

    private LedgerRates() {
    }

    /**
     * 回访整改率 and on-time rate of the real-name bad ratings received from {@code from} to {@code to} (whole days
     * of the platform's zone), per owner department and for all.
     */
    static FollowUpRates of(Database db, ZoneId zone, LocalDate from, LocalDate to) {
        return of(db, zone, from, to, null);
    }

    /** As above, of the ratings taken in {@code halls} only (null: every hall). */
    static FollowUpRates of(Database db, ZoneId zone, LocalDate from, LocalDate to, java.util.Set<String> halls) {
        long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        Map<String, int[]> byDepartment = new TreeMap<>();
        int[] all = new int[3];
        Map<String, String> windows = new WindowDepartments(db, null).snapshot();
        db.inTransaction(c -> {
            // A rating an upheld appeal (申诉成立) took out of the scores counts in no rate; an entry no one assigned
            // counts under its window's department where the window → department map names one.
            try (PreparedStatement ps = c.prepareStatement("SELECT l.owner_department, l.state, l.called_back_at,"
                    + " l.rectification, l.closed_on, l.first_deadline, r.submission FROM rating_ledger l"
                    + " JOIN ratings r ON r.rating_id = l.rating_id"
                    + " WHERE l.real_name AND l.received_at >= ? AND l.received_at < ? AND NOT "
                    + RatingAppeals.UPHELD_SQL + (halls == null ? "" : " AND r.terminal_id IN (SELECT terminal_id"
                            + " FROM terminals WHERE hall_code = ANY (?))"))) {
                ps.setLong(1, start);
                ps.setLong(2, end);
                if (halls != null) {
                    ps.setArray(3, c.createArrayOf("VARCHAR", halls.toArray()));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String department = rs.getString(1) != null ? rs.getString(1)
                                : windowDepartment(windows, rs.getString(7));
                        boolean closed = LedgerState.CLOSED.name().equals(rs.getString(2));
                        rs.getLong(3);
                        boolean calledBack = !rs.wasNull();
                        boolean rectified = closed && calledBack && rs.getString(4) != null;
                        LocalDate closedOn = rs.getObject(5, LocalDate.class);
                        boolean onTime = closed && closedOn != null
                                && !closedOn.isAfter(rs.getObject(6, LocalDate.class));
                        for (int[] counts : List.of(byDepartment.computeIfAbsent(department, d -> new int[3]), all)) {
                            counts[0]++;
                            counts[1] += rectified ? 1 : 0;
                            counts[2] += onTime ? 1 : 0;
                        }
                    }
                }
            }
            return null;
        });
        List<FollowUpRates.Rates> departments = new ArrayList<>();
        byDepartment.forEach((d, counts) -> departments.add(line(d, counts)));
        return new FollowUpRates(from, to, line(ALL, all), departments);
    }

    private static String windowDepartment(Map<String, String> windows, String submission) {
        try {
            org.govkiosk.api.RatingSubmission s = JSON.readValue(submission, org.govkiosk.api.RatingSubmission.class);
            return s.windowId() == null ? UNASSIGNED
                    : windows.getOrDefault(WindowDepartments.key(s.hallCode(), s.windowId()), UNASSIGNED);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new org.govkiosk.platform.store.StorageException("a stored rating cannot be read: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = org.govkiosk.api.ApiJson.lenient();

    /** The line of all departments together. */
    static final String ALL = "全部";

    /** The department of entries no one assigned one. */
    static final String UNASSIGNED = "未指定";

    private static FollowUpRates.Rates line(String department, int[] counts) {
        return new FollowUpRates.Rates(department, counts[0], counts[1], counts[2],
                counts[0] == 0 ? 1.0 : (double) counts[1] / counts[0],
                counts[0] == 0 ? 1.0 : (double) counts[2] / counts[0]);
    }
}
