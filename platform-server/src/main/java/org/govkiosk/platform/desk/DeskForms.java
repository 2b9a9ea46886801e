package org.govkiosk.platform.desk;

import static org.govkiosk.platform.desk.DeskHtml.escape;
import static org.govkiosk.platform.desk.DeskHtml.hidden;

import java.util.List;
import java.util.Map;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.IssuanceChannel;
import org.govkiosk.api.Material;

/**
 * The action forms of a case, offered only where the case's state allows them (the platform checks again): each a
 * POST to {@code /desk/cases/{number}/{verb}} with the session's form token, inside a {@code <details>} so a phone
 * shows one at a time; an action that cannot be undone asks for a tick first.
 */
final class DeskForms {

    static final List<String> VERBS = List.of("accept", "supplement", "review", "approve", "refuse", "return",
            "deferred", "certificate", "issue", "rating");

    private DeskForms() {
    }

    static void actions(StringBuilder h, DeskHtml.Shell s, DeskFilter f, DeskHtml.Detail d) {
        DeskText t = s.t();
        CaseView v = d.view();
        CaseState st = v.state();
        h.append("<h3 id=\"actions-h\">").append(t.get("actions")).append("</h3><div class=\"actions\">");
        int before = h.length();
        if (st.canMoveTo(CaseState.ACCEPTED)) {
            form(h, s, f, d, "accept", t.get("a.accept"), false, true, "<p>" + t.get("a.acceptHint") + "</p>");
        }
        if (st == CaseState.SUBMITTED) {
            form(h, s, f, d, "supplement", t.get("a.supplement"), false, false, supplementFields(t, d));
        }
        if (st.canMoveTo(CaseState.IN_REVIEW)) {
            form(h, s, f, d, "review", t.get("a.review"), false, true, "");
        }
        if (st.canMoveTo(CaseState.COMPLETED)) {
            form(h, s, f, d, "approve", t.get("a.approve"), true, false,
                    area(t, d, "note", "a.approveNote", false, 2000));
        }
        if (st.canMoveTo(CaseState.NOT_ACCEPTED)) {
            form(h, s, f, d, "refuse", t.get("a.refuse"), true, false,
                    area(t, d, "reason", "a.reason", true, 2000) + text(t, d, "department", "a.department", true, 200)
                            + text(t, d, "legalBasis", "a.legalBasis", true, 500)
                            + text(t, d, "reviewAuthority", "a.reviewAuthority", true, 200)
                            + text(t, d, "court", "a.court", true, 200)
                            + text(t, d, "noticeNumber", "a.noticeNumber", false, 100));
        }
        if (st.canMoveTo(CaseState.RETURNED)) {
            form(h, s, f, d, "return", t.get("a.return"), true, false,
                    text(t, d, "department", "a.department", true, 200)
                            + area(t, d, "reasons", "a.reasons", true, 4000)
                            + text(t, d, "nextSteps", "a.nextSteps", false, 500));
        }
        if (v.deferral() != null && v.deferral().receivedAt() == null) {
            form(h, s, f, d, "deferred", t.get("a.deferred"), true, true, "");
        }
        if (st == CaseState.COMPLETED) {
            if (v.certificateAvailable()) {
                StringBuilder ch = new StringBuilder("<fieldset><legend>").append(t.get("a.channel"))
                        .append("</legend>");
                for (IssuanceChannel c : List.of(IssuanceChannel.WINDOW, IssuanceChannel.EXPRESS_POST)) {
                    ch.append("<label class=\"check\"><input type=\"radio\" name=\"channel\" value=\"")
                            .append(c.name()).append("\"").append(c == IssuanceChannel.WINDOW ? " checked" : "")
                            .append(">").append(t.get("a.channel." + c.name())).append("</label>");
                }
                form(h, s, f, d, "issue", t.get("a.issue"), true, false, ch.append("</fieldset>").toString());
            } else {
                h.append("<p class=\"hint\" id=\"no-certificate\">").append(t.get("a.noCertificate")).append("</p>");
                form(h, s, f, d, "certificate", t.get("a.certificate"), false, false,
                        "<label>" + t.get("a.pdf") + "<input type=\"file\" name=\"pdf\" accept=\"application/pdf\""
                                + " required></label>");
            }
        }
        {
            // 一次一评: every contact at the window may be rated, whatever the case's state.
            form(h, s, f, d, "rating", t.get("a.rating"), false, false,
                    text(t, d, "window", "window", true, 64, s.clerk().window())
                            + text(t, d, "sequence", "a.sequence", true, 32, "1"));
        }
        if (h.length() == before) {
            h.append("<p>").append(t.get("noActions")).append("</p>");
        }
        h.append("</div>\n");
    }

    private static String supplementFields(DeskText t, DeskHtml.Detail d) {
        CaseSubmission sub = d.submission();
        StringBuilder b = new StringBuilder("<p>").append(t.get("a.supplementHint")).append("</p>");
        if (sub != null && !sub.materials().isEmpty()) {
            b.append("<fieldset><legend>").append(t.get("materials")).append("</legend>");
            for (Material m : sub.materials()) {
                b.append("<label class=\"check\"><input type=\"checkbox\" name=\"material\" value=\"")
                        .append(escape(m.code())).append("\">").append(escape(m.name())).append(" <span class=\"code\">")
                        .append(escape(m.code())).append("</span></label>");
            }
            b.append("</fieldset>");
        }
        return b.append(area(t, d, "note", "a.supplementNote", false, 2000)).toString();
    }

    /**
     * One action: its summary (or, for a one-click action, a bare button), the token, the language and the queue's
     * filter to come back to, the fields, the tick of an action that cannot be undone, and the button.
     */
    private static void form(StringBuilder h, DeskHtml.Shell s, DeskFilter f, DeskHtml.Detail d, String verb,
            String label, boolean confirm, boolean oneClick, String fields) {
        DeskText t = s.t();
        String id = "act-" + verb;
        if (!oneClick) {
            h.append("<details class=\"action\" id=\"").append(id).append("\"")
                    .append(d.echo().containsKey("verb:" + verb) ? " open" : "").append("><summary>")
                    .append(escape(label)).append("</summary>");
        }
        h.append("<form method=\"post\"").append(verb.equals("certificate") ? " enctype=\"multipart/form-data\"" : "")
                .append(" class=\"act").append(oneClick ? " one" : "").append("\" data-verb=\"")
                .append(verb).append("\" action=\"").append(escape(DeskRoutes.caseAction(d.number(), verb)))
                .append("\">").append(hidden("csrf", s.csrf())).append(hidden("lang", t.param()))
                .append(hidden("back", f.query(t))).append(fields);
        if (confirm) {
            h.append("<label class=\"check confirm\"><input type=\"checkbox\" name=\"confirm\" value=\"yes\">")
                    .append(t.get("confirm")).append("</label>");
        }
        h.append("<button type=\"submit\"").append(oneClick ? " class=\"primary\"" : "").append(">")
                .append(escape(oneClick ? label : t.get("a.submit") + t.get("colon") + label)).append("</button></form>");
        if (!oneClick) {
            h.append("</details>");
        }
    }

    static String text(DeskText t, DeskHtml.Detail d, String name, String labelKey, boolean required, int max) {
        return text(t, d, name, labelKey, required, max, "");
    }

    static String text(DeskText t, DeskHtml.Detail d, String name, String labelKey, boolean required, int max,
            String fallback) {
        Map<String, String> echo = d == null ? Map.of() : d.echo();
        return "<label>" + escape(t.get(labelKey)) + "<input type=\"text\" name=\"" + name + "\" maxlength=\"" + max
                + "\" value=\"" + escape(echo.getOrDefault(name, fallback)) + "\"" + (required ? " required" : "")
                + "></label>";
    }

    static String area(DeskText t, DeskHtml.Detail d, String name, String labelKey, boolean required, int max) {
        Map<String, String> echo = d == null ? Map.of() : d.echo();
        return "<label>" + escape(t.get(labelKey)) + "<textarea name=\"" + name + "\" rows=\"3\" maxlength=\"" + max
                + "\"" + (required ? " required" : "") + ">" + escape(echo.getOrDefault(name, "")) + "</textarea></label>";
    }
}
