package org.govkiosk.platform.desk;

import static org.govkiosk.platform.desk.DeskHtml.escape;
import static org.govkiosk.platform.desk.DeskHtml.hidden;

import java.util.List;
import java.util.Map;
import org.govkiosk.api.LedgerEvent;
import org.govkiosk.api.LedgerState;
import org.govkiosk.api.RatingLedgerEntry;

/**
 * The 回访整改 ledger on the desk: one card per bad rating (the overdue ones marked, or alone), with its owner,
 * deadline, call-back, outcome and history, and the steps as POST forms: assign, record the call-back, extend with a
 * written reason, close with the rectification and outcome (after a tick: it tells the citizen by SMS).
 */
final class DeskLedgerHtml {

    static final List<String> ACTIONS = List.of("ASSIGN", "CALL_BACK", "EXTEND", "CLOSE");

    private DeskLedgerHtml() {
    }

    static String page(DeskHtml.Shell s, boolean overdueOnly, List<RatingLedgerEntry> entries, DeskHtml.Message m,
            String openRating, Map<String, String> echo) {
        DeskText t = s.t();
        StringBuilder h = DeskHtml.head(t.get("ledgerTitle") + " · " + t.get("title"), t);
        String query = "lang=" + t.param() + (overdueOnly ? "&overdue=1" : "");
        DeskHtml.top(h, s, t.get("ledgerTitle"), DeskRoutes.PAGE + "?lang=" + t.param(), t.get("queueLink"),
                DeskRoutes.LEDGER + "?lang=" + t.otherParam() + (overdueOnly ? "&overdue=1" : ""));
        h.append("<main id=\"main\" class=\"ledger\">\n");
        DeskHtml.message(h, m);
        h.append("<nav class=\"views\" aria-label=\"").append(t.get("ledgerTitle")).append("\"><a href=\"")
                .append(DeskRoutes.LEDGER).append("?lang=").append(t.param()).append("\"")
                .append(overdueOnly ? "" : " aria-current=\"page\"").append(">").append(t.get("ledgerAll"))
                .append("</a><a href=\"").append(DeskRoutes.LEDGER).append("?lang=").append(t.param())
                .append("&amp;overdue=1\"").append(overdueOnly ? " aria-current=\"page\"" : "").append(">")
                .append(t.get("ledgerOverdue")).append("</a></nav>\n");
        h.append("<p class=\"shown\" id=\"shown\">").append(escape(t.format("ledgerShown", entries.size()))).append("</p>");
        if (entries.isEmpty()) {
            h.append("<p class=\"none\">").append(t.get("ledgerEmpty")).append("</p>");
        }
        h.append("<ul class=\"entries\">\n");
        for (RatingLedgerEntry e : entries) {
            entry(h, s, e, query, e.ratingId().equals(openRating) ? echo : Map.of());
        }
        h.append("</ul>\n</main>\n</body></html>\n");
        return h.toString();
    }

    private static void entry(StringBuilder h, DeskHtml.Shell s, RatingLedgerEntry e, String back,
            Map<String, String> echo) {
        DeskText t = s.t();
        h.append("<li class=\"entry").append(e.overdue() ? " late" : "").append("\" data-rating-id=\"")
                .append(escape(e.ratingId())).append("\" data-state=\"").append(e.state().name()).append("\">")
                .append("<h2>").append(escape(e.realName() ? e.caseNumber() : t.get("l.anonymous")))
                .append(" <span class=\"state\">").append(escape(t.ledgerState(e.state()))).append("</span>");
        if (e.overdue()) {
            h.append(" <span class=\"flag\">").append(t.get("overdue")).append("</span>");
        }
        h.append("</h2><dl class=\"facts\">");
        fact(h, t.get("l.level"), e.level() <= 2 ? t.get("level." + Math.max(1, e.level())) : Integer.toString(e.level()));
        fact(h, t.get("l.window"), nz(e.windowId()) + " / " + nz(e.clerkId()));
        fact(h, t.get("l.received"), DeskHtml.when(e.receivedAt(), s.zone()));
        fact(h, t.get("l.deadline"), DeskHtml.date(e.deadline()));
        fact(h, t.get("l.owner"), nz(e.ownerDepartment()) + " / " + nz(e.ownerClerk()));
        if (e.calledBackAt() != null) {
            fact(h, t.get("l.calledBack"), DeskHtml.when(e.calledBackAt(), s.zone()) + " · " + nz(e.calledBackBy())
                    + " · " + nz(e.citizenSaid()));
        }
        if (e.outcome() != null) {
            fact(h, t.get("l.outcome"), nz(e.rectification()) + " · " + e.outcome());
        }
        h.append("</dl>");
        if (!e.history().isEmpty()) {
            h.append("<details class=\"hist\"><summary>").append(t.get("history")).append("</summary><ol>");
            for (LedgerEvent ev : e.history()) {
                h.append("<li>").append(escape(DeskHtml.when(ev.at(), s.zone()))).append(" · ").append(escape(ev.by()))
                        .append(" · ").append(escape(ev.action().name())).append(" · ")
                        .append(escape(DeskHtml.date(ev.deadline())));
                if (ev.reason() != null) {
                    h.append(" · ").append(escape(ev.reason()));
                }
                h.append("</li>");
            }
            h.append("</ol></details>");
        }
        if (e.state() != LedgerState.CLOSED) {
            String open = echo.get("action");
            act(h, s, e, back, "ASSIGN", t.get("l.assign"), false, open,
                    DeskForms.text(t, echoOf(echo), "ownerDepartment", "l.ownerDepartment", false, 100)
                            + DeskForms.text(t, echoOf(echo), "ownerClerk", "l.ownerClerk", false, 64));
            if (e.realName() && e.state() == LedgerState.OPEN) {
                act(h, s, e, back, "CALL_BACK", t.get("l.callBack"), false, open,
                        DeskForms.area(t, echoOf(echo), "citizenSaid", "l.citizenSaid", true, 2000));
            }
            act(h, s, e, back, "EXTEND", t.get("l.extend"), false, open,
                    "<label>" + t.get("l.newDeadline") + "<input type=\"date\" name=\"newDeadline\" required value=\""
                            + escape(echo.getOrDefault("newDeadline", "")) + "\"></label>"
                            + DeskForms.area(t, echoOf(echo), "reason", "l.reason", true, 2000));
            act(h, s, e, back, "CLOSE", t.get("l.close"), true, open,
                    DeskForms.area(t, echoOf(echo), "rectification", "l.rectification", true, 2000)
                            + DeskForms.text(t, echoOf(echo), "outcome", "l.outcomeField", true, 200)
                            + (e.calledBackAt() == null && e.realName()
                                    ? DeskForms.area(t, echoOf(echo), "citizenSaid", "l.citizenSaidOptional", false,
                                            2000) : ""));
        }
        h.append("</li>\n");
    }

    private static DeskHtml.Detail echoOf(Map<String, String> echo) {
        return new DeskHtml.Detail("", null, null, "", echo);
    }

    private static void act(StringBuilder h, DeskHtml.Shell s, RatingLedgerEntry e, String back, String action,
            String label, boolean confirm, String open, String fields) {
        DeskText t = s.t();
        h.append("<details class=\"action\"").append(action.equals(open) ? " open" : "").append("><summary>")
                .append(escape(label)).append("</summary><form method=\"post\" class=\"act\" data-action=\"")
                .append(action).append("\" action=\"").append(DeskRoutes.LEDGER_ACT).append("\">")
                .append(hidden("csrf", s.csrf())).append(hidden("lang", t.param())).append(hidden("back", back))
                .append(hidden("ratingId", e.ratingId())).append(hidden("action", action)).append(fields);
        if (confirm) {
            h.append("<label class=\"check confirm\"><input type=\"checkbox\" name=\"confirm\" value=\"yes\">")
                    .append(t.get("confirm")).append("</label>");
        }
        h.append("<button type=\"submit\">").append(escape(t.get("a.submit") + t.get("colon") + label)).append("</button>")
                .append("</form></details>");
    }

    private static String nz(String v) {
        return v == null || v.isBlank() ? "—" : v;
    }

    private static void fact(StringBuilder h, String label, String text) {
        h.append("<dt>").append(escape(label)).append("</dt><dd>").append(escape(text)).append("</dd>");
    }
}
