package org.govkiosk.platform.ratings;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.govkiosk.platform.http.PageLanguage;

/**
 * The phone rating page as HTML: one column for a 360-px phone, 18 px type, every control at least 48 px high,
 * dark text on white, no script and no outside resource (a form that posts back). The five levels are alike in
 * size, weight and colour, in the national order, none chosen in advance (impartial). Every value is escaped.
 */
final class PhoneRatingPage {

    /** What the citizen chose, kept when the form comes back with a problem. */
    record Choices(Integer level, Map<String, Integer> answers, Set<String> reasons, String comment,
            boolean anonymous) {
        static Choices none() {
            return new Choices(null, Map.of(), Set.of(), "", false);
        }
    }

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.ROOT);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private PhoneRatingPage() {
    }

    static String form(PageLanguage lang, String token, RatingLink link, Contact contact, String itemName,
            List<RatingQuestions.Question> questions, Choices chosen, String problemKey) {
        StringBuilder b = head(lang, token);
        facts(b, lang, link, contact, itemName);
        b.append("<form method=\"post\" action=\"").append(org.govkiosk.api.ApiPaths.RATE_PAGE)
                .append("\" accept-charset=\"utf-8\">\n")
                .append("<input type=\"hidden\" name=\"t\" value=\"").append(esc(token)).append("\">\n")
                .append("<input type=\"hidden\" name=\"lang\" value=\"").append(lang.param()).append("\">\n");
        if (problemKey != null) {
            b.append("<p id=\"problem\" class=\"problem\" role=\"alert\">").append(t(lang, problemKey))
                    .append("</p>\n");
        }
        levels(b, lang, "level", "overall", t(lang, "overall"), chosen.level(), true);
        if (!questions.isEmpty()) {
            b.append("<h2>").append(t(lang, "questions")).append("</h2>\n");
            for (RatingQuestions.Question q : questions) {
                levels(b, lang, "q." + q.code(), "q-" + q.code(), esc(lang == PageLanguage.EN ? q.en() : q.zh()),
                        chosen.answers().get(q.code()), false);
            }
        }
        b.append("<fieldset id=\"reasons\"><legend>").append(t(lang, "reasons")).append("</legend>\n");
        for (String reason : RatingQuestions.REASONS) {
            b.append("<label class=\"choice\"><input type=\"checkbox\" name=\"reason\" value=\"").append(reason)
                    .append('"').append(chosen.reasons().contains(reason) ? " checked" : "").append("> ")
                    .append(t(lang, "reason." + reason)).append("</label>\n");
        }
        b.append("<label for=\"comment\" class=\"above\">").append(t(lang, "comment")).append("</label>\n")
                .append("<textarea id=\"comment\" name=\"comment\" rows=\"4\" maxlength=\"500\">")
                .append(esc(chosen.comment())).append("</textarea>\n</fieldset>\n");
        b.append("<label class=\"choice\"><input type=\"checkbox\" name=\"anonymous\" value=\"on\"")
                .append(chosen.anonymous() ? " checked" : "").append(" aria-describedby=\"anonymous-hint\"> ")
                .append(t(lang, "anonymous")).append("</label>\n")
                .append("<p id=\"anonymous-hint\" class=\"hint\">").append(t(lang, "anonymous-hint")).append("</p>\n")
                .append("<button type=\"submit\">").append(t(lang, "submit")).append("</button>\n</form>\n");
        return foot(b);
    }

    /** After a rating, or when the contact was rated before (here, at the window, at a terminal, by default). */
    static String given(PageLanguage lang, String token, RatingLink link, Contact contact, String itemName,
            GivenRating given, boolean justNow) {
        StringBuilder b = head(lang, token);
        b.append("<p id=\"outcome\" class=\"outcome\" data-outcome=\"").append(justNow ? "thanks" : "given")
                .append("\" data-level=\"").append(given.level()).append("\" data-defaulted=\"")
                .append(given.defaulted()).append("\">").append(t(lang, justNow ? "thanks" : "given")).append("</p>\n");
        facts(b, lang, link, contact, itemName);
        b.append("<dl><dt>").append(t(lang, "given-level")).append("</dt><dd>")
                .append(t(lang, "level." + given.level())).append("</dd></dl>\n");
        if (given.defaulted()) {
            b.append("<p>").append(t(lang, "given-default")).append("</p>\n");
        } else if (!justNow) {
            b.append("<p>").append(t(lang, "once")).append("</p>\n");
        }
        return foot(b);
    }

    /** A link that cannot be used: {@code kind} is invalid, expired or unknown. */
    static String refused(PageLanguage lang, String token, String kind) {
        return refused(lang, org.govkiosk.api.ApiPaths.RATE_PAGE, token, kind);
    }

    /** As above, for a page at {@code path} (the window link's), whose language switch stays there. */
    static String refused(PageLanguage lang, String path, String token, String kind) {
        StringBuilder b = head(lang, path, token);
        b.append("<p id=\"outcome\" class=\"outcome refused\" data-outcome=\"").append(kind).append("\">")
                .append(t(lang, kind + "-title")).append("</p>\n<p>").append(t(lang, kind)).append("</p>\n");
        return foot(b);
    }

    private static StringBuilder head(PageLanguage lang, String token) {
        return head(lang, org.govkiosk.api.ApiPaths.RATE_PAGE, token);
    }

    private static StringBuilder head(PageLanguage lang, String path, String token) {
        PageLanguage other = lang == PageLanguage.EN ? PageLanguage.ZH : PageLanguage.EN;
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(lang.tag).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(t(lang, "title")).append("</title><style>")
                .append("*{box-sizing:border-box}")
                .append("body{margin:0;background:#fff;color:#111;font:18px/1.5 sans-serif}")
                .append("main{max-width:40em;margin:0 auto;padding:12px 16px 32px}")
                .append("header{display:flex;justify-content:space-between;align-items:center;gap:8px}")
                .append("h1{font-size:22px;margin:8px 0}h2{font-size:19px;margin:20px 0 4px}")
                .append("a.lang{display:inline-flex;align-items:center;justify-content:center;min-height:48px;")
                .append("min-width:48px;padding:0 12px;color:#0b3d91;font-size:18px}")
                .append("dl{margin:0 0 12px}dt{margin-top:8px;font-size:16px;color:#333}")
                .append("dd{margin:0;font-size:19px;font-weight:bold;overflow-wrap:anywhere}")
                .append("fieldset{border:1px solid #767676;border-radius:8px;margin:16px 0;padding:8px 12px 12px;")
                .append("min-width:0}legend{font-weight:bold;padding:0 4px}")
                .append(".choice{display:flex;align-items:center;gap:12px;min-height:48px;margin:8px 0;")
                .append("padding:8px 12px;border:2px solid #555;border-radius:8px;font-size:18px;font-weight:normal;")
                .append("color:#111;background:#fff}")
                .append(".choice input{width:24px;height:24px;margin:0;flex:none}")
                .append(".levels .choice{margin:6px 0}")
                .append("label.above{display:block;margin:12px 0 4px}")
                .append("textarea{display:block;width:100%;font:inherit;padding:8px;border:2px solid #555;")
                .append("border-radius:8px}")
                .append(".hint{font-size:16px;color:#333;margin:0 0 16px}")
                .append("button{display:block;width:100%;min-height:52px;font:inherit;font-weight:bold;")
                .append("color:#fff;background:#0b3d91;border:0;border-radius:8px;margin-top:8px}")
                .append(".problem{padding:12px;border:2px solid #9b1111;color:#9b1111;border-radius:8px}")
                .append(".outcome{font-size:24px;font-weight:bold;padding:12px 16px;border-radius:8px;color:#fff;")
                .append("background:#0b5d1e}.outcome.refused{background:#3a3a3a}")
                .append("</style></head><body><main>\n<header><h1>").append(t(lang, "title")).append("</h1>")
                .append("<a class=\"lang\" id=\"switch-language\" lang=\"").append(other.tag).append("\" hreflang=\"")
                .append(other.tag).append("\" href=\"").append(path).append("?t=")
                .append(esc(java.net.URLEncoder.encode(token == null ? "" : token,
                        java.nio.charset.StandardCharsets.UTF_8)))
                .append("&amp;lang=").append(other.param()).append("\">").append(t(lang, "switch"))
                .append("</a></header>\n");
        return b;
    }

    private static void facts(StringBuilder b, PageLanguage lang, RatingLink link, Contact contact,
            String itemName) {
        b.append("<dl id=\"facts\"><dt>").append(t(lang, "item")).append("</dt><dd id=\"item\">")
                .append(esc(itemName)).append("</dd>\n");
        if (link.windowId() != null) {
            b.append("<dt>").append(t(lang, "window")).append("</dt><dd id=\"window\">").append(esc(link.windowId()))
                    .append("</dd>\n");
        }
        b.append("<dt>").append(t(lang, "case")).append("</dt><dd>").append(esc(link.caseNumber())).append("</dd>\n")
                .append("<dt>").append(t(lang, "last-day")).append("</dt><dd>")
                .append(date(lang, link.lastDay())).append("</dd></dl>\n");
    }

    private static void levels(StringBuilder b, PageLanguage lang, String name, String id, String legend,
            Integer chosen, boolean required) {
        b.append("<fieldset class=\"levels\" id=\"").append(esc(id)).append("\"><legend>").append(legend)
                .append("</legend>\n");
        for (int level = 5; level >= 1; level--) {
            b.append("<label class=\"choice\"><input type=\"radio\" name=\"").append(esc(name)).append("\" value=\"")
                    .append(level).append('"').append(required ? " required" : "")
                    .append(chosen != null && chosen == level ? " checked" : "").append("> ")
                    .append(t(lang, "level." + level)).append("</label>\n");
        }
        b.append("</fieldset>\n");
    }

    private static String foot(StringBuilder b) {
        return b.append("</main></body></html>\n").toString();
    }

    private static String date(PageLanguage lang, LocalDate d) {
        return lang == PageLanguage.EN ? EN_DATE.format(d) : ZH_DATE.format(d);
    }

    private static String t(PageLanguage lang, String key) {
        return esc(PageTexts.get(lang, key));
    }

    static String esc(String s) {
        return org.govkiosk.platform.http.Html.escape(s);
    }
}
