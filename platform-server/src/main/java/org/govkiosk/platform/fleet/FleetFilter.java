package org.govkiosk.platform.fleet;

import java.util.List;
import java.util.Locale;

/**
 * Which terminals the page shows: one hall or all, and all terminals, those with any alarm, those with a critical
 * one, or those with one kind of alarm. Read from the query ({@code ?hall=&alarm=}), so a filtered page can be
 * bookmarked and works without script; an unknown alarm value shows everything rather than failing.
 *
 * @param hall  a hall code, or null for all
 * @param alarm null (all), {@code any}, {@code critical} or an {@link Alarm.Kind} name
 * @param halls the halls the viewer may see (their staff account's), or null for every hall (the machine token)
 */
record FleetFilter(String hall, String alarm, java.util.Set<String> halls) {

    FleetFilter(String hall, String alarm) {
        this(hall, alarm, null);
    }

    /** This filter for a viewer who may see only {@code allowed} (null: every hall). */
    FleetFilter within(java.util.Set<String> allowed) {
        return new FleetFilter(hall, alarm, allowed == null ? null : java.util.Set.copyOf(allowed));
    }

    /** The rows of the halls the viewer may see, whatever the hall and alarm chosen. */
    List<FleetRow> visible(List<FleetRow> rows) {
        return halls == null ? rows : rows.stream().filter(r -> halls.contains(r.terminal().hallCode())).toList();
    }

    static final String ANY = "any";
    static final String CRITICAL = "critical";

    static FleetFilter of(String hall, String alarm) {
        String h = hall == null || hall.isBlank() ? null : hall.strip();
        String a = alarm == null || alarm.isBlank() ? null : alarm.strip();
        if (a != null && !a.equals(ANY) && !a.equals(CRITICAL)) {
            try {
                a = Alarm.Kind.valueOf(a.toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                a = null;
            }
        }
        return new FleetFilter(h, a);
    }

    boolean shows(FleetRow row) {
        if (halls != null && !halls.contains(row.terminal().hallCode())) {
            return false;
        }
        if (hall != null && !hall.equals(row.terminal().hallCode())) {
            return false;
        }
        if (alarm == null) {
            return true;
        }
        return switch (alarm) {
            case ANY -> !row.alarms().isEmpty();
            case CRITICAL -> row.worst().filter(s -> s == Alarm.Severity.CRITICAL).isPresent();
            default -> row.alarms().stream().anyMatch(a -> a.kind().name().equals(alarm));
        };
    }

    List<FleetRow> apply(List<FleetRow> rows) {
        return rows.stream().filter(this::shows).toList();
    }

    /** The query string of this filter (and language), for links and the live stream: {@code hall=..&alarm=..}. */
    String query(FleetText lang) {
        StringBuilder q = new StringBuilder("lang=").append(lang.param());
        if (hall != null) {
            q.append("&hall=").append(java.net.URLEncoder.encode(hall, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (alarm != null) {
            q.append("&alarm=").append(alarm);
        }
        return q.toString();
    }
}
