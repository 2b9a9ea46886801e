package org.govkiosk.platform.cases;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.govkiosk.api.CaseKind;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.shared.calendar.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The promised completion date (承诺时限) printed on a receipt: today for 即办件, otherwise the item's promised
 * working days from the catalog the terminals show (its {@code time-limit.promised-days}), counted on the working
 * calendar (public holidays and 调休 of the State Council's arrangement). An item the catalog does not list gets
 * the platform's fallback days.
 */
public final class PromisedDates {

    private static final Logger LOG = LoggerFactory.getLogger(PromisedDates.class);

    private final WorkingCalendar calendar;
    private final Map<String, Integer> workingDaysByItem;
    private final int fallbackWorkingDays;
    private final Map<String, Map<String, Integer>> deferralDaysByItem;
    private final java.util.Set<String> deemedApprovalItems;

    public PromisedDates(WorkingCalendar calendar, Map<String, Integer> workingDaysByItem, int fallbackWorkingDays) {
        this(calendar, workingDaysByItem, fallbackWorkingDays, Map.of());
    }

    /** @param deferralDaysByItem item code → (material code → 容缺 working days), from the catalog */
    public PromisedDates(WorkingCalendar calendar, Map<String, Integer> workingDaysByItem, int fallbackWorkingDays,
            Map<String, Map<String, Integer>> deferralDaysByItem) {
        this(calendar, workingDaysByItem, fallbackWorkingDays, deferralDaysByItem, java.util.Set.of());
    }

    /** @param deemedApprovalItems the items of 承诺超时默认 (catalog deemed-approval: true) */
    public PromisedDates(WorkingCalendar calendar, Map<String, Integer> workingDaysByItem, int fallbackWorkingDays,
            Map<String, Map<String, Integer>> deferralDaysByItem, java.util.Set<String> deemedApprovalItems) {
        if (fallbackWorkingDays < 0) {
            throw new IllegalArgumentException("working days must not be negative");
        }
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.workingDaysByItem = Map.copyOf(workingDaysByItem);
        this.fallbackWorkingDays = fallbackWorkingDays;
        this.deferralDaysByItem = Map.copyOf(deferralDaysByItem);
        this.deemedApprovalItems = java.util.Set.copyOf(deemedApprovalItems);
    }

    /**
     * Reads the catalog and the calendar files {@code deadlines} names.
     *
     * @throws IllegalArgumentException with every problem of the files, each naming file and path
     */
    public static PromisedDates of(PlatformConfig.Deadlines deadlines) {
        WorkingCalendar calendar = deadlines.calendar().map(WorkingCalendar::load).orElseGet(() -> {
            LOG.warn("no calendar folder configured: deadlines count weekends only, without public holidays or 调休");
            return WorkingCalendar.weekendsOnly();
        });
        Map<String, Integer> days = deadlines.catalog().map(CatalogPromisedDays::read).orElse(Map.of());
        Map<String, Map<String, Integer>> deferral = deadlines.catalog().map(CatalogDeferralDays::read)
                .orElse(Map.of());
        LOG.info("promised dates: {} items from {}, others {} working days; {}", days.size(),
                deadlines.catalog().map(Path::toString).orElse("no catalog"), deadlines.fallbackPromisedWorkingDays(),
                calendar);
        return new PromisedDates(calendar, days, deadlines.fallbackPromisedWorkingDays(), deferral,
                deadlines.catalog().map(CatalogDeemedApprovals::read).orElse(java.util.Set.of()));
    }

    /** The items whose cases are taken as granted when not decided by their promised date (承诺超时默认). */
    public java.util.Set<String> deemedApprovalItems() {
        return deemedApprovalItems;
    }

    /**
     * The 容缺 deadline of a case whose materials {@code deferred} (codes) are handed in later: the fewest working
     * days any of them is given in the catalog, counted from {@code today} on the working calendar (all are due by
     * then). Empty when the catalog does not list the item's deferrable materials (no catalog configured, or an item
     * it lacks): the deadline the citizen accepted at the terminal stands then.
     */
    public java.util.Optional<LocalDate> deferralDeadline(String itemCode, java.util.Collection<String> deferred,
            LocalDate today) {
        Map<String, Integer> byMaterial = deferralDaysByItem.getOrDefault(itemCode, Map.of());
        if (deferred.isEmpty() || !byMaterial.keySet().containsAll(deferred)) {
            return java.util.Optional.empty();
        }
        int days = deferred.stream().mapToInt(byMaterial::get).min().orElseThrow();
        return java.util.Optional.of(calendar.addWorkingDays(today, days));
    }

    /** {@code null} for 退回件: a refused case promises nothing. */
    public LocalDate promisedDate(String itemCode, CaseKind kind, LocalDate today) {
        return switch (kind) {
            case IMMEDIATE -> today;
            case RETURNED -> null;
            case PROMISED, JOINT, SUPPLEMENT -> calendar.addWorkingDays(today,
                    workingDaysByItem.getOrDefault(itemCode, fallbackWorkingDays));
        };
    }

    /** The calendar the dates are counted on (the overdue flag counts on it too). */
    public WorkingCalendar calendar() {
        return calendar;
    }
}
