package org.govkiosk.platform.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The fleet page's shell (header, live-update bar, filters), its login form and its storage-down page, rendered on
 * the server in one language ({@link FleetText}). The cards are {@link FleetCards}, which the live stream sends
 * again as they change. No inline script: the only script is {@code /fleet/live.js}, allowed by the CSP as 'self'.
 * Every value that came from a terminal or a request goes through {@link #escape}.
 */
final class FleetHtml {

    static final String STYLE = resource("fleet.css");
    static final String SCRIPT = resource("fleet-live.js");

    private FleetHtml() {
    }

    static String resource(String name) {
        try (InputStream in = FleetHtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside FleetHtml");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HTML-escapes text for an element body or a double- or single-quoted attribute. */
    static String escape(String value) {
        return org.govkiosk.platform.http.Html.escape(value);
    }

    /** The time of day a technician reads, in the hall's zone: "10:31:05". */
    static String clock(Instant at, ZoneId zone) {
        return DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).format(at.atZone(zone));
    }

    /**
     * The page for {@code who}; {@code csrf} is their cookie session's token for the sign-out form (null for a bearer
     * caller, who gets no form).
     */
    static String page(List<FleetRow> every, FleetFilter filter, Instant now, ZoneId zone, FleetText t,
            org.govkiosk.platform.staff.StaffMember who, String csrf) {
        List<FleetRow> all = filter.visible(every);
        List<FleetRow> shown = filter.apply(all);
        StringBuilder h = head(t.get("title"), t);
        h.append("<body data-live-url=\"").append(escape(FleetRoutes.EVENTS + "?" + filter.query(t)))
                .append("\" data-live=\"off\"");
        for (String key : List.of("live", "paused", "reconnecting", "pause", "resume", "copied")) {
            h.append(" data-text-").append(key).append("=\"").append(escape(t.get(key))).append('"');
        }
        h.append(">\n<header class=\"top\"><h1>").append(t.get("title")).append("</h1><nav class=\"tools\">")
                .append("<a href=\"").append(escape(FleetRoutes.PAGE + "?" + other(filter, t)))
                .append("\" lang=\"").append(t.otherHtmlLang()).append("\" hreflang=\"")
                .append(t.otherHtmlLang()).append("\">").append(t.otherName()).append("</a>")
                .append("<span class=\"who\">").append(escape(who.name())).append("</span>");
        if (csrf != null) {
            h.append("<form method=\"post\" action=\"/staff/logout\"><input type=\"hidden\" name=\"csrf\" value=\"")
                    .append(escape(csrf)).append("\"><input type=\"hidden\" name=\"lang\" value=\"").append(t.param())
                    .append("\"><button type=\"submit\">").append(t.get("logout")).append("</button></form>");
        }
        h.append("</nav></header>\n");
        h.append("<main>\n<p class=\"summary\" id=\"summary\">").append(escape(FleetCards.summary(all, t))).append("</p>\n");
        h.append("<div class=\"live-bar\"><button type=\"button\" id=\"live-toggle\" aria-pressed=\"false\" hidden>")
                .append(t.get("pause")).append("</button><span id=\"live-state\" role=\"status\"></span>")
                .append("<span>").append(t.get("asOf")).append(" <time id=\"as-of\" datetime=\"")
                .append(now.truncatedTo(ChronoUnit.SECONDS)).append("\">").append(clock(now, zone))
                .append("</time></span></div>\n");
        filters(h, all, filter, t);
        String cards = FleetCards.cards(all, shown, now, t);
        h.append("<div id=\"cards\" data-hash=\"").append(FleetCards.hash(cards)).append("\">").append(cards)
                .append("</div>\n</main>\n<script src=\"").append(FleetRoutes.SCRIPT).append("\"></script>\n</body></html>\n");
        return h.toString();
    }

    /** The same page in the other language: the same filter. */
    private static String other(FleetFilter filter, FleetText t) {
        return filter.query(t == FleetText.ZH ? FleetText.EN : FleetText.ZH);
    }

    /** A plain GET form: works without script, and the live stream follows the filter in the page's URL. */
    private static void filters(StringBuilder h, List<FleetRow> all, FleetFilter filter, FleetText t) {
        h.append("<form class=\"filters\" method=\"get\" action=\"").append(FleetRoutes.PAGE)
                .append("\" aria-label=\"").append(t.get("filters")).append("\">")
                .append("<input type=\"hidden\" name=\"lang\" value=\"").append(t.param()).append("\">")
                .append("<label>").append(t.get("hall")).append("<select name=\"hall\">")
                .append(option("", t.get("allHalls"), filter.hall() == null));
        TreeSet<String> halls = new TreeSet<>();
        all.forEach(r -> {
            if (r.terminal().hallCode() != null) {
                halls.add(r.terminal().hallCode());
            }
        });
        if (filter.hall() != null) {
            halls.add(filter.hall());
        }
        halls.forEach(hall -> h.append(option(hall, hall, hall.equals(filter.hall()))));
        h.append("</select></label><label>").append(t.get("alarm")).append("<select name=\"alarm\">")
                .append(option("", t.get("allTerminals"), filter.alarm() == null))
                .append(option(FleetFilter.ANY, t.get("anyAlarm"), FleetFilter.ANY.equals(filter.alarm())))
                .append(option(FleetFilter.CRITICAL, t.get("criticalOnly"),
                        FleetFilter.CRITICAL.equals(filter.alarm())));
        for (Alarm.Kind kind : Alarm.Kind.values()) {
            h.append(option(kind.name(), t.alarm(kind), kind.name().equals(filter.alarm())));
        }
        h.append("</select></label><button type=\"submit\">").append(t.get("apply")).append("</button></form>\n");
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\"" + escape(value) + "\"" + (selected ? " selected" : "") + ">" + escape(label)
                + "</option>";
    }

    /** Not signed in: a link to the staff sign-in, which comes back here. */
    static String signIn(FleetText t) {
        return message(null, t);
    }

    /** A page with one message (locked out, wrong role), or the sign-in invitation when {@code problem} is null. */
    static String message(String problem, FleetText t) {
        StringBuilder h = head(t.get("signInTitle") + " · " + t.get("title"), t).append("<body>\n");
        h.append("<header class=\"top\"><h1>").append(t.get("title")).append("</h1><nav class=\"tools\"><a href=\"")
                .append(FleetRoutes.PAGE).append("?lang=").append(t.otherParam()).append("\" lang=\"")
                .append(t.otherHtmlLang()).append("\" hreflang=\"").append(t.otherHtmlLang()).append("\">")
                .append(t.otherName()).append("</a></nav></header>\n<main>");
        if (problem != null) {
            h.append("<p class=\"error\" id=\"problem\" role=\"alert\">").append(escape(problem)).append("</p>\n");
        } else {
            h.append("<h2>").append(t.get("signInTitle")).append("</h2><p>").append(t.get("signInText"))
                    .append("</p>\n");
        }
        h.append("<p><a class=\"sign-in\" href=\"/staff/login?next=").append(FleetRoutes.PAGE).append("&amp;lang=")
                .append(t.param()).append("\">").append(t.get("signInLink")).append("</a></p>\n");
        return h.append("</main></body></html>\n").toString();
    }

    /** The storage is down: say so, with a link to try again (no timed reload). */
    static String unavailable(FleetText t) {
        return head(t.get("title"), t).append("<body>\n<header class=\"top\"><h1>").append(t.get("title"))
                .append("</h1></header>\n<main><p class=\"error\" role=\"alert\">").append(t.get("unavailable"))
                .append("</p><p><a href=\"").append(FleetRoutes.PAGE).append("?lang=").append(t.param())
                .append("\">").append(t.get("retry")).append("</a></p></main></body></html>\n").toString();
    }

    private static StringBuilder head(String title, FleetText t) {
        return new StringBuilder(16_384).append("<!DOCTYPE html>\n<html lang=\"").append(t.htmlLang())
                .append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title><style>").append(STYLE)
                .append("</style></head>\n");
    }
}
