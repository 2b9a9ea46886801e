package org.govkiosk.platform.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.govkiosk.platform.store.CaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 容缺: a case whose deferred materials were not handed in by the deadline of the citizen's commitment ends as the
 * commitment says (容缺受理承诺书: 逾期未补交的，本次申请视为撤回) from the first working day after the deadline:
 * returned with the written reason in its history and the 退回通知, the citizen told by SMS. A case already decided
 * stays on the clerk's overdue list (revoking a decision is the department's act). Run with the platform's deadline
 * jobs every minute; safe on several instances (each case under its row lock).
 */
public final class DeferralDeadlines {

    private static final Logger LOG = LoggerFactory.getLogger(DeferralDeadlines.class);

    private final CaseStore cases;
    private final String department;
    private final Clock clock;
    private final ZoneId zone;

    /** @param department the body the return names (the hall's issuing body) */
    public DeferralDeadlines(CaseStore cases, String department, Clock clock, ZoneId zone) {
        this.cases = Objects.requireNonNull(cases, "cases");
        this.department = Objects.requireNonNull(department, "department");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Ends every case due now; returns their numbers. */
    public List<String> runOnce() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<String> ended = cases.lapseDeferrals(today, clock.instant(), department);
        for (String number : ended) {
            LOG.info("Case {} ended: its deferred materials (容缺) did not come by the deadline (视为撤回)", number);
        }
        return ended;
    }
}
