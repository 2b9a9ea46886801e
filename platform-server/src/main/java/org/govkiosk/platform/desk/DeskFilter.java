package org.govkiosk.platform.desk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseView;

/**
 * The queue's filter, from the page's query: hall, state, overdue (电子监察), 容缺 overdue, and a case number typed
 * in (a part of it is enough). Unknown values are dropped rather than refused: it is a page, not an API.
 *
 * @param hall  null: the first hall the desk knows
 * @param state null: every state
 * @param q     null: no search
 */
record DeskFilter(String hall, CaseState state, boolean overdue, boolean deferralOverdue, String q) {

    static final int MAX_Q = 64;

    static DeskFilter of(String hall, String state, String overdue, String deferralOverdue, String q) {
        CaseState s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = CaseState.valueOf(state.strip());
            } catch (IllegalArgumentException e) {
                s = null;
            }
        }
        return new DeskFilter(blankToNull(hall, 64), s, "1".equals(overdue) || "true".equals(overdue),
                "1".equals(deferralOverdue) || "true".equals(deferralOverdue), blankToNull(q, MAX_Q));
    }

    private static String blankToNull(String v, int max) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }

    DeskFilter withHall(String h) {
        return new DeskFilter(h, state, overdue, deferralOverdue, q);
    }

    List<CaseView> apply(List<CaseView> cases) {
        String needle = q == null ? null : q.toUpperCase(Locale.ROOT);
        return cases.stream()
                .filter(c -> state == null || c.state() == state)
                .filter(c -> !overdue || c.overdue())
                .filter(c -> !deferralOverdue || (c.deferral() != null && c.deferral().overdue()))
                .filter(c -> needle == null || c.caseNumber().toUpperCase(Locale.ROOT).contains(needle))
                .toList();
    }

    /** The query string of this filter in language {@code t}, without the leading '?'. */
    String query(DeskText t) {
        StringBuilder b = new StringBuilder("lang=").append(t.param());
        if (hall != null) {
            b.append("&hall=").append(enc(hall));
        }
        if (state != null) {
            b.append("&state=").append(state.name());
        }
        if (overdue) {
            b.append("&overdue=1");
        }
        if (deferralOverdue) {
            b.append("&deferralOverdue=1");
        }
        if (q != null) {
            b.append("&q=").append(enc(q));
        }
        return b.toString();
    }

    static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
