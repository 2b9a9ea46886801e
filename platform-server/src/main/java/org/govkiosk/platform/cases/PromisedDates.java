package org.govkiosk.platform.cases;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import org.govkiosk.api.CaseKind;

/**
 * The promised completion date (承诺时限) printed on a receipt: today for 即办件, otherwise a number of working
 * days, per item where configured. Weekends are skipped; public holidays and 调休 make-up days are not known
 * here (a real platform takes them from the province's working calendar).
 */
public final class PromisedDates {

    private final int defaultWorkingDays;
    private final Map<String, Integer> workingDaysByItem;

    public PromisedDates(int defaultWorkingDays, Map<String, Integer> workingDaysByItem) {
        if (defaultWorkingDays < 0) {
            throw new IllegalArgumentException("working days must not be negative");
        }
        this.defaultWorkingDays = defaultWorkingDays;
        this.workingDaysByItem = Map.copyOf(workingDaysByItem);
    }

    /** {@code null} for 退回件: a refused case promises nothing. */
    public LocalDate promisedDate(String itemCode, CaseKind kind, LocalDate today) {
        return switch (kind) {
            case IMMEDIATE -> today;
            case RETURNED -> null;
            case PROMISED, JOINT, SUPPLEMENT -> addWorkingDays(today,
                    workingDaysByItem.getOrDefault(itemCode, defaultWorkingDays));
        };
    }

    static LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate date = from;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return date;
    }
}
