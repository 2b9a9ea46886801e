package org.govkiosk.app.usage;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Usage over a span of days, both ends included: nothing personal, only counts.
 *
 * @param sessionsByEnd      citizen sessions by how they ended (FINISHED, TIMEOUT, MAINTENANCE)
 * @param sessionsByDay      citizen sessions per day, every day of the span present
 * @param applicationsByItem applications submitted per service item code
 * @param ratingsByLevel     好差评 ratings per level 1..5, every level present
 */
public record UsageReport(LocalDate from, LocalDate to, Map<String, Long> sessionsByEnd,
        SortedMap<LocalDate, Long> sessionsByDay, Map<String, Long> applicationsByItem,
        SortedMap<Integer, Long> ratingsByLevel) {

    public UsageReport {
        sessionsByEnd = Map.copyOf(sessionsByEnd);
        sessionsByDay = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(sessionsByDay));
        applicationsByItem = Map.copyOf(applicationsByItem);
        ratingsByLevel = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(ratingsByLevel));
    }

    public long sessions() {
        return sessionsByEnd.values().stream().mapToLong(Long::longValue).sum();
    }

    public long applications() {
        return applicationsByItem.values().stream().mapToLong(Long::longValue).sum();
    }

    public long ratings() {
        return ratingsByLevel.values().stream().mapToLong(Long::longValue).sum();
    }
}
