package org.govkiosk.platform.store;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * SQL for keeping staff in their halls: the hall of a rating, and a hall filter with one parameter per hall. A
 * rating's hall is its terminal's (a self-service terminal, a window's pad); a rating the platform took itself (the
 * phone page, a default) has no terminal of a hall and counts in its case's hall.
 */
public final class HallScope {

    /** SQL expression, on a query with {@code r} the ratings table: the rating's hall (NULL when it has none). */
    public static final String RATING_HALL = "COALESCE((SELECT t.hall_code FROM terminals t"
            + " WHERE t.terminal_id = r.terminal_id), (SELECT k.hall_code FROM cases k"
            + " WHERE k.case_number = r.case_number))";

    private HallScope() {
    }

    /**
     * {@code " AND <expression> IN (?, ...)"} for {@code halls}, or "" for null (every hall, the machine token).
     * Adds the halls to {@code args}. An empty set matches nothing.
     */
    public static String andIn(String expression, Set<String> halls, List<? super String> args) {
        if (halls == null) {
            return "";
        }
        if (halls.isEmpty()) {
            return " AND 1 = 0";
        }
        args.addAll(halls);
        return " AND " + expression + " IN (" + String.join(", ", Collections.nCopies(halls.size(), "?")) + ")";
    }
}
