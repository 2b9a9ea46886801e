package org.govkiosk.api;

import java.time.LocalDate;
import java.util.List;

/**
 * 回访整改率 and on-time rate of the real-name bad ratings received in a period, per owning department and for all.
 * Anonymous ratings (no one to call back) and defaults (never bad) are not counted.
 */
public record FollowUpRates(LocalDate from, LocalDate to, Rates all, List<Rates> departments) {

    public FollowUpRates {
        Check.present(from, "from");
        Check.present(to, "to");
        departments = List.copyOf(departments);
    }

    /**
     * @param department   the owner department; "未指定" for entries without one, "全部" for all together
     * @param realNameBad  real-name bad ratings received in the period
     * @param rectified    of them, called back and closed with a rectification
     * @param closedOnTime of them, closed on or before the first deadline
     * @param followUpRate rectified / realNameBad (1.0 when there are none)
     * @param onTimeRate   closedOnTime / realNameBad (1.0 when there are none)
     */
    public record Rates(String department, int realNameBad, int rectified, int closedOnTime, double followUpRate,
            double onTimeRate) {
    }
}
