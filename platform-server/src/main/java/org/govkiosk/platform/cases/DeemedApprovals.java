package org.govkiosk.platform.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.govkiosk.platform.store.CaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 承诺超时默认: for items whose rules say so (catalog {@code deemed-approval: true}), an accepted case not decided by
 * its promised date is taken as granted from the first working day after it: the platform records the default
 * decision (办结, with its reason) in the case's history. Run every minute by the platform, and at once by
 * {@link #runOnce()}; safe to run on several instances at once (each case is moved under its row lock).
 */
public final class DeemedApprovals {

    /** The written reason of the default decision, as the case's history and the terminal show it. */
    public static final String NOTE = "承诺时限届满未作出决定，依规视为准予（承诺超时默认）";
    private static final Logger LOG = LoggerFactory.getLogger(DeemedApprovals.class);

    private final CaseStore cases;
    private final Set<String> items;
    private final Clock clock;
    private final ZoneId zone;

    private final org.govkiosk.platform.store.DeemedResult result;

    /** Decisions recorded without a result document (a clerk attaches one). */
    public DeemedApprovals(CaseStore cases, Set<String> items, Clock clock, ZoneId zone) {
        this(cases, items, clock, zone, org.govkiosk.platform.store.DeemedResult.NONE);
    }

    /**
     * @param result makes each granted case's result document, stating the default grant (signed as every result:
     *               {@link CaseDecisions#deemedResult})
     */
    public DeemedApprovals(CaseStore cases, Set<String> items, Clock clock, ZoneId zone,
            org.govkiosk.platform.store.DeemedResult result) {
        this.result = Objects.requireNonNull(result, "result");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.items = Set.copyOf(items);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Whether any item allows it: without one the platform schedules nothing. */
    public boolean anyItem() {
        return !items.isEmpty();
    }

    /** Records the default decision of every case due now; returns their numbers. */
    public List<String> runOnce() {
        if (items.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<String> granted = cases.deemApproved(items, today, clock.instant(), NOTE, result, zone);
        for (String number : granted) {
            LOG.info("Case {} taken as granted: not decided by its promised date (承诺超时默认)", number);
        }
        return granted;
    }
}
