package org.govkiosk.platform.desk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govkiosk.api.CaseEvent;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.Material;
import org.govkiosk.personal.Masking;

/**
 * The desk's page, rendered on the server in one language ({@link DeskText}): the queue of a hall (a table on a
 * desk, cards on a phone, by CSS alone) with the case's detail beside it, and its actions as plain POST forms that
 * carry the session's form token. No script at all. The applicant shows masked (张**, 110***********1232) through
 * {@link Masking}; every other value that came from a terminal or a form goes through {@link #escape}.
 */
final class DeskHtml {

    static final String STYLE = resource("desk.css");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private DeskHtml() {
    }

    /** What the page says about the last action: done (a status) or refused (an alert), in words. */
    record Message(String text, boolean error) {
    }

    /** The case beside the queue: its view (null if not found), stored submission and hall; the echo of a form. */
    record Detail(String number, CaseView view, CaseSubmission submission, String hall, Map<String, String> echo) {
    }

    /** Everything the shell needs: who, their form token, the halls to pick from. */
    record Shell(DeskAuth.Clerk clerk, String csrf, List<String> halls, ZoneId zone, DeskText t) {
    }

    static String resource(String name) {
        try (InputStream in = DeskHtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside DeskHtml");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String value) {
        return org.govkiosk.platform.http.Html.escape(value == null ? "" : value);
    }

    static String when(Instant at, ZoneId zone) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }

    static StringBuilder head(String title, DeskText t) {
        return new StringBuilder(32_768).append("<!DOCTYPE html>\n<html lang=\"").append(t.htmlLang())
                .append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title><style>").append(STYLE)
                .append("</style></head>\n");
    }

    /** The header of a signed-in page: title, who (and their window), the other page, the other language, sign out. */
    static void top(StringBuilder h, Shell s, String title, String otherPage, String otherLabel, String otherLang) {
        top(h, s, title, otherPage, otherLabel, otherLang, "", "lang=" + s.t().param());
    }

    /** @param back the queue's query the window form comes back to */
    static void top(StringBuilder h, Shell s, String title, String otherPage, String otherLabel, String otherLang,
            String bodyAttributes, String back) {
        DeskText t = s.t();
        h.append("<body").append(bodyAttributes).append(">\n<a class=\"skip\" href=\"#main\">").append(t.get("skip"))
                .append("</a>\n<header class=\"top\"><h1>").append(escape(title)).append("</h1>")
                .append("<p class=\"who\">").append(escape(t.format("signedInAs", s.clerk().name())));
        if (!s.clerk().window().isBlank()) {
            h.append(" · ").append(escape(t.format("atWindow", s.clerk().window())));
        }
        h.append("</p><nav class=\"tools\" aria-label=\"").append(escape(t.get("title"))).append("\">")
                .append("<a href=\"").append(escape(otherPage)).append("\">").append(escape(otherLabel))
                .append("</a><a href=\"").append(escape(otherLang)).append("\" lang=\"").append(t.otherHtmlLang())
                .append("\" hreflang=\"").append(t.otherHtmlLang()).append("\">").append(t.otherName())
                .append("</a>").append(org.govkiosk.platform.http.StaffRoutes.signOutForm(s.csrf(), t == DeskText.EN))
                .append("</nav>");
        windowForm(h, s, back);
        h.append("</header>\n");
    }

    /**
     * "My window": the clerk names the window they sit at (kept in a desk cookie), for the header and for asking the
     * window's pad for a rating; a small form that posts the session's token and comes back to {@code back}.
     */
    private static void windowForm(StringBuilder h, Shell s, String back) {
        DeskText t = s.t();
        h.append("<form class=\"window\" method=\"post\" action=\"").append(DeskRoutes.WINDOW).append("\">")
                .append(hidden("csrf", s.csrf())).append(hidden("lang", t.param())).append(hidden("back", back))
                .append("<label>").append(t.get("myWindow")).append("<input type=\"text\" name=\"window\" maxlength=\"")
                .append(DeskAuth.MAX_WINDOW).append("\" value=\"").append(escape(s.clerk().window()))
                .append("\" autocomplete=\"off\"></label><button type=\"submit\">").append(t.get("saveWindow"))
                .append("</button></form>");
    }

    /**
     * @param hallHash the digest of the hall's whole queue ({@link DeskLive#digest}): the live notice compares the
     *                 platform's with it; null: no live notice
     */
    static String page(Shell s, DeskFilter f, List<CaseView> queue, Detail d, Message m, String hallHash) {
        DeskText t = s.t();
        StringBuilder h = head((d != null ? t.format("caseTitle", d.number()) + " · " : "") + t.get("title"), t);
        String here = DeskRoutes.PAGE + "?" + f.query(t) + (d == null ? "" : "&case=" + DeskFilter.enc(d.number()));
        String there = DeskRoutes.PAGE + "?" + f.query(t == DeskText.ZH ? DeskText.EN : DeskText.ZH)
                + (d == null ? "" : "&case=" + DeskFilter.enc(d.number()));
        String live = hallHash == null || f.hall() == null ? "" : " data-live=\"off\" data-live-url=\""
                + escape(DeskRoutes.EVENTS + "?hall=" + DeskFilter.enc(f.hall())) + "\" data-queue-hash=\""
                + hallHash + "\"";
        top(h, s, t.get("title"), DeskRoutes.LEDGER + "?lang=" + t.param(), t.get("ledgerLink"), there, live,
                f.query(t));
        if (d == null) {
            message(h, m);
        }
        h.append("<main id=\"main\" class=\"layout").append(d != null ? " with-detail" : "").append("\">\n");
        queue(h, s, f, queue, d);
        h.append("<section class=\"detail\" id=\"detail\" aria-labelledby=\"detail-h\">");
        if (d == null) {
            h.append("<h2 id=\"detail-h\" class=\"sr-only\">").append(t.get("actions")).append("</h2>")
                    .append("<p class=\"pick\">").append(t.get("pickCase")).append("</p>");
        } else {
            detail(h, s, f, d, m);
        }
        h.append("</section>\n</main>\n");
        if (!live.isEmpty()) {
            h.append("<script src=\"").append(DeskRoutes.SCRIPT).append("\"></script>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void queue(StringBuilder h, Shell s, DeskFilter f, List<CaseView> queue, Detail d) {
        DeskText t = s.t();
        h.append("<section class=\"queue\" id=\"queue\" aria-labelledby=\"queue-h\"><h2 id=\"queue-h\">")
                .append(t.get("queue")).append(f.hall() == null ? "" : " · " + escape(f.hall())).append("</h2>\n")
                .append("<form class=\"filters\" method=\"get\" action=\"").append(DeskRoutes.PAGE)
                .append("\" aria-label=\"").append(t.get("filters")).append("\">").append(hidden("lang", t.param()))
                .append("<label>").append(t.get("hall")).append("<select name=\"hall\">");
        for (String hall : s.halls()) {
            h.append(option(hall, hall, hall.equals(f.hall())));
        }
        h.append("</select></label><label>").append(t.get("stateFilter")).append("<select name=\"state\">")
                .append(option("", t.get("allStates"), f.state() == null));
        for (CaseState st : CaseState.values()) {
            h.append(option(st.name(), t.state(st), st == f.state()));
        }
        h.append("</select></label><label>").append(t.get("search"))
                .append("<input type=\"search\" name=\"q\" maxlength=\"").append(DeskFilter.MAX_Q)
                .append("\" value=\"").append(escape(f.q())).append("\"></label>")
                .append("<label class=\"check\"><input type=\"checkbox\" name=\"overdue\" value=\"1\"")
                .append(f.overdue() ? " checked" : "").append(">").append(t.get("overdueOnly")).append("</label>")
                .append("<label class=\"check\"><input type=\"checkbox\" name=\"deferralOverdue\" value=\"1\"")
                .append(f.deferralOverdue() ? " checked" : "").append(">").append(t.get("deferralOverdueOnly"))
                .append("</label><button type=\"submit\">").append(t.get("apply")).append("</button></form>\n");
        h.append("<div class=\"live\" role=\"status\"><p id=\"live-notice\" class=\"msg notice\" hidden>")
                .append(t.get("queueChanged")).append(" <a href=\"")
                .append(escape(DeskRoutes.PAGE + "?" + f.query(t) + (d == null ? "" : "&case="
                        + DeskFilter.enc(d.number())))).append("\">").append(t.get("reloadQueue"))
                .append("</a></p></div>\n");
        h.append("<p class=\"shown\" id=\"shown\">").append(escape(t.format("shown", queue.size()))).append("</p>\n");
        if (queue.isEmpty()) {
            h.append("<p class=\"none\">").append(t.get("noCases")).append("</p></section>\n");
            return;
        }
        h.append("<table class=\"cases\"><caption class=\"sr-only\">").append(t.get("queue")).append("</caption>")
                .append("<thead><tr><th scope=\"col\">").append(t.get("col.number")).append("</th><th scope=\"col\">")
                .append(t.get("col.item")).append("</th><th scope=\"col\">").append(t.get("col.applicant"))
                .append("</th><th scope=\"col\">").append(t.get("col.state")).append("</th><th scope=\"col\">")
                .append(t.get("col.promised")).append("</th></tr></thead><tbody>\n");
        for (CaseView c : queue) {
            boolean selected = d != null && c.caseNumber().equals(d.number());
            h.append("<tr class=\"case").append(selected ? " selected" : "").append(c.overdue() ? " late" : "")
                    .append("\" data-case=\"").append(escape(c.caseNumber())).append("\" data-state=\"")
                    .append(c.state().name()).append("\"><td data-label=\"").append(t.get("col.number"))
                    .append("\"><a href=\"").append(escape(DeskRoutes.PAGE + "?" + f.query(t) + "&case="
                            + DeskFilter.enc(c.caseNumber()) + "#detail")).append("\"")
                    .append(selected ? " aria-current=\"true\"" : "").append(">")
                    .append(escape(c.caseNumber())).append("</a></td><td data-label=\"").append(t.get("col.item"))
                    .append("\">").append(escape(c.itemName())).append("</td><td data-label=\"")
                    .append(t.get("col.applicant")).append("\">").append(escape(c.applicantNameMasked()))
                    .append("</td><td data-label=\"").append(t.get("col.state")).append("\"><span class=\"state st-")
                    .append(c.state().name()).append("\">").append(escape(t.state(c.state()))).append("</span>");
            if (c.overdue()) {
                h.append(" <span class=\"flag\">").append(t.get("overdue")).append("</span>");
            }
            if (c.deferral() != null && c.deferral().overdue()) {
                h.append(" <span class=\"flag\">").append(t.get("deferralOverdue")).append("</span>");
            }
            h.append("</td><td data-label=\"").append(t.get("col.promised")).append("\">")
                    .append(date(c.promisedDate())).append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    static String date(LocalDate d) {
        return d == null ? "—" : d.toString();
    }

    private static void detail(StringBuilder h, Shell s, DeskFilter f, Detail d, Message m) {
        DeskText t = s.t();
        h.append("<h2 id=\"detail-h\">").append(escape(t.format("caseTitle", d.number()))).append("</h2>")
                .append("<p class=\"back\"><a href=\"#queue\">").append(t.get("backToQueue")).append("</a></p>");
        message(h, m);
        CaseView v = d.view();
        if (v == null) {
            return;
        }
        h.append("<dl class=\"facts\">");
        fact(h, t.get("f.state"), "<span class=\"state st-" + v.state().name() + "\" id=\"case-state\">"
                + escape(t.state(v.state())) + "</span>" + (v.overdue() ? " <span class=\"flag\">"
                + t.get("overdue") + "</span>" : ""));
        fact(h, t.get("f.item"), escape(v.itemName()) + " <span class=\"code\">" + escape(v.itemCode()) + "</span>");
        fact(h, t.get("f.kind"), escape(t.kind(v.kind())));
        CaseSubmission sub = d.submission();
        fact(h, t.get("f.applicant"), "<span id=\"applicant\">" + escape(v.applicantNameMasked()) + "</span>");
        if (sub != null) {
            fact(h, t.get("f.id"), "<span id=\"applicant-id\">" + escape(Masking.idNumber(sub.applicant().idNumber()))
                    + "</span>");
            if (sub.applicant().phone() != null && !sub.applicant().phone().isBlank()) {
                fact(h, t.get("f.phone"), escape(Masking.phone(sub.applicant().phone())));
            }
        }
        fact(h, t.get("f.submitted"), escape(when(v.submittedAt(), s.zone())));
        fact(h, t.get("f.promised"), escape(date(v.promisedDate())));
        fact(h, t.get("f.hall"), escape(d.hall()) + " · " + escape(v.terminalId()));
        if (v.note() != null && !v.note().isBlank()) {
            fact(h, t.get("f.note"), "<span id=\"case-note\">" + escape(v.note()) + "</span>");
        }
        h.append("</dl>\n");
        materials(h, t, sub, v);
        if (v.deferral() != null) {
            h.append("<h3>").append(t.get("deferral")).append("</h3><p>").append(escape(
                    String.join("、", v.deferral().materials()))).append(" · ")
                    .append(escape(t.format("deferralDue", date(v.deferral().deadline()))));
            if (v.deferral().receivedAt() != null) {
                h.append(" · ").append(escape(t.format("deferralReceived", when(v.deferral().receivedAt(), s.zone()))));
            } else if (v.deferral().overdue()) {
                h.append(" <span class=\"flag\">").append(t.get("deferralOverdue")).append("</span>");
            }
            h.append("</p>\n");
        }
        if (v.refusal() != null) {
            h.append("<h3>").append(t.get("refusal")).append("</h3><p>").append(escape(v.refusal().department()))
                    .append(" · ").append(escape(v.refusal().legalBasis())).append(" · ")
                    .append(escape(v.refusal().reviewAuthority())).append(" · ").append(escape(v.refusal().court()))
                    .append("</p>\n");
        }
        if (v.returned() != null) {
            h.append("<h3>").append(t.get("returned")).append("</h3><ol class=\"reasons\">");
            v.returned().reasons().forEach(r -> h.append("<li>").append(escape(r)).append("</li>"));
            h.append("</ol>\n");
        }
        h.append("<h3>").append(t.get("history")).append("</h3><ol class=\"history\">");
        for (CaseEvent e : v.history()) {
            h.append("<li><time>").append(escape(when(e.at(), s.zone()))).append("</time> <strong>")
                    .append(escape(t.state(e.state()))).append("</strong>");
            if (e.note() != null && !e.note().isBlank()) {
                h.append("<br><span class=\"note\">").append(escape(e.note())).append("</span>");
            }
            h.append("</li>");
        }
        h.append("</ol>\n");
        DeskForms.actions(h, s, f, d);
    }

    private static void materials(StringBuilder h, DeskText t, CaseSubmission sub, CaseView v) {
        h.append("<h3>").append(t.get("materials")).append("</h3>");
        if (sub == null || sub.materials().isEmpty()) {
            h.append("<p>").append(t.get("noMaterials")).append("</p>");
        } else {
            h.append("<ul class=\"materials\">");
            for (Material mat : sub.materials()) {
                h.append("<li data-code=\"").append(escape(mat.code())).append("\">").append(escape(mat.name()))
                        .append(" <span class=\"code\">").append(escape(mat.code())).append("</span> · ")
                        .append(escape(t.material(mat.status()))).append("</li>");
            }
            h.append("</ul>");
        }
        if (!v.missingMaterials().isEmpty()) {
            h.append("<h3>").append(t.get("missing")).append("</h3><ul class=\"missing\" id=\"missing\">");
            v.missingMaterials().forEach(mat -> h.append("<li data-code=\"").append(escape(mat.code())).append("\">")
                    .append(escape(mat.name())).append("</li>"));
            h.append("</ul>");
        }
        h.append("\n");
    }

    static void message(StringBuilder h, Message m) {
        if (m == null) {
            return;
        }
        if (m.error()) {
            h.append("<p class=\"msg error\" id=\"message\" role=\"alert\">");
        } else {
            h.append("<p class=\"msg done\" id=\"message\" role=\"status\">");
        }
        h.append(escape(m.text())).append("</p>\n");
    }

    private static void fact(StringBuilder h, String label, String html) {
        h.append("<dt>").append(escape(label)).append("</dt><dd>").append(html).append("</dd>");
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    static String option(String value, String label, boolean selected) {
        return "<option value=\"" + escape(value) + "\"" + (selected ? " selected" : "") + ">" + escape(label)
                + "</option>";
    }

    /**
     * Not signed in: the way to the staff sign-in, which comes back to the desk; {@code problem} is our own text,
     * shown above it.
     */
    static String signIn(String problem, DeskText t) {
        StringBuilder h = bare(t.get("loginTitle") + " · " + t.get("title"), t, true);
        h.append("<h2>").append(t.get("loginTitle")).append("</h2>");
        if (problem != null) {
            h.append("<p class=\"msg error\" id=\"message\" role=\"alert\">").append(escape(problem)).append("</p>\n");
        }
        h.append("<p>").append(t.get("signInNeeded")).append("</p><p><a class=\"signin\" id=\"sign-in\" href=\"")
                .append(escape(org.govkiosk.platform.http.StaffRoutes.signInUrl(DeskRoutes.PAGE, t.param())))
                .append("\">").append(t.get("signInLink")).append("</a></p>\n");
        return h.append("</main></body></html>\n").toString();
    }

    /** A signed-in person who may not be here (a technician), or may not see this: said in words. */
    static String refused(String words, DeskText t) {
        StringBuilder h = bare(t.get("title"), t, false);
        h.append("<p class=\"msg error\" id=\"message\" role=\"alert\">").append(escape(words)).append("</p>")
                .append("<p><a class=\"signin\" href=\"").append(org.govkiosk.platform.http.StaffRoutes.HOME)
                .append("?lang=").append(t.param()).append("\">").append(t.get("staffHome")).append("</a></p>\n");
        return h.append("</main></body></html>\n").toString();
    }

    /** The page's head and header without a session: title and the other language. */
    private static StringBuilder bare(String title, DeskText t, boolean otherLanguage) {
        StringBuilder h = head(title, t).append("<body>\n");
        h.append("<header class=\"top\"><h1>").append(t.get("title")).append("</h1>");
        if (otherLanguage) {
            h.append("<nav class=\"tools\" aria-label=\"").append(t.get("title")).append("\"><a href=\"")
                    .append(DeskRoutes.PAGE).append("?lang=").append(t.otherParam()).append("\" lang=\"")
                    .append(t.otherHtmlLang()).append("\" hreflang=\"").append(t.otherHtmlLang()).append("\">")
                    .append(t.otherName()).append("</a></nav>");
        }
        return h.append("</header>\n<main id=\"main\">");
    }

    /** The storage is down: say so, with a link to try again. */
    static String unavailable(DeskText t) {
        return head(t.get("title"), t).append("<body>\n<header class=\"top\"><h1>").append(t.get("title"))
                .append("</h1></header>\n<main id=\"main\"><p class=\"msg error\" role=\"alert\">")
                .append(t.get("unavailable")).append("</p><p><a href=\"").append(DeskRoutes.PAGE).append("?lang=")
                .append(t.param()).append("\">").append(t.get("retry")).append("</a></p></main></body></html>\n")
                .toString();
    }
}
