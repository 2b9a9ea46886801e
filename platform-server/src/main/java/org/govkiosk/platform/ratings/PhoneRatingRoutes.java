package org.govkiosk.platform.ratings;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.platform.http.ApiException;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.RouteTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.govkiosk.platform.http.PageLanguage;

/**
 * The phone rating page: {@code GET /rate?t=TOKEN} shows the form (or the rating given), {@code POST /rate} takes
 * it. Public, no login: what it may do is what the signed token names, one contact, until its last day.
 */
final class PhoneRatingRoutes {

    static final int MAX_FORM_BYTES = 16 * 1024;
    static final int MAX_COMMENT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(PhoneRatingRoutes.class);

    private final RouteSupport s;
    private final RatingLinks links;
    private final PhoneRatings ratings;
    private final RatingQuestions questions;

    PhoneRatingRoutes(RouteSupport support, RatingLinks links, PhoneRatings ratings, RatingQuestions questions) {
        this.s = support;
        this.links = links;
        this.ratings = ratings;
        this.questions = questions;
    }

    void register(RouteTable routes) {
        routes.get(ApiPaths.RATE_PAGE, this::show);
        routes.post(ApiPaths.RATE_PAGE, this::take);
    }

    /** The link checked: the contact it names, or the page that says why not. */
    private record Checked(RatingLink link, Contact contact, Optional<GivenRating> given, String refusal) {
    }

    private Checked check(String token) {
        Optional<RatingLink> link = links.verify(token);
        if (link.isEmpty()) {
            return new Checked(null, null, Optional.empty(), "invalid");
        }
        Optional<Contact> contact = ratings.contact(link.get());
        if (contact.isEmpty()) {
            return new Checked(link.get(), null, Optional.empty(), "unknown");
        }
        Optional<GivenRating> given = ratings.given(link.get());
        if (given.isEmpty()) {
            LocalDate last = link.get().lastDay();
            LocalDate invited = contact.get().invitedUntil();
            if (invited != null && invited.isAfter(last)) {
                last = invited;
            }
            if (s.today().isAfter(last)) {
                return new Checked(link.get(), contact.get(), given, "expired");
            }
        }
        return new Checked(link.get(), contact.get(), given, null);
    }

    private void show(Context ctx) {
        headers(ctx);
        String token = ctx.queryParam("t");
        PageLanguage lang = PageLanguage.choose(ctx.queryParam("lang"), ctx.header("Accept-Language"));
        Checked c = check(token);
        if (c.refusal() != null) {
            ctx.status(400).result(PhoneRatingPage.refused(lang, token, c.refusal()));
            return;
        }
        String item = itemName(lang, c);
        if (c.given().isPresent()) {
            ctx.status(200).result(PhoneRatingPage.given(lang, token, c.link(), c.contact(), item, c.given().get(),
                    false));
            return;
        }
        ctx.status(200).result(PhoneRatingPage.form(lang, token, c.link(), c.contact(), item,
                questions.forItem(c.link().itemCode()), PhoneRatingPage.Choices.none(), null));
    }

    private void take(Context ctx) {
        headers(ctx);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            throw ApiException.client(415, org.govkiosk.api.ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    "the rating form is application/x-www-form-urlencoded");
        }
        Map<String, List<String>> form = parse(s.bodies().read(ctx, MAX_FORM_BYTES));
        String token = first(form, "t");
        PageLanguage lang = PageLanguage.choose(first(form, "lang"), ctx.header("Accept-Language"));
        Checked c = check(token);
        if (c.refusal() != null) {
            ctx.status(400).result(PhoneRatingPage.refused(lang, token, c.refusal()));
            return;
        }
        String item = itemName(lang, c);
        if (c.given().isPresent()) {
            ctx.status(200).result(PhoneRatingPage.given(lang, token, c.link(), c.contact(), item, c.given().get(),
                    false));
            return;
        }
        List<RatingQuestions.Question> asked = questions.forItem(c.link().itemCode());
        Integer level = level(first(form, "level"));
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (RatingQuestions.Question q : asked) {
            Integer answer = level(first(form, "q." + q.code()));
            if (answer != null) {
                answers.put(q.code(), answer);
            }
        }
        Set<String> reasons = new LinkedHashSet<>();
        for (String r : form.getOrDefault("reason", List.of())) {
            if (RatingQuestions.REASONS.contains(r)) {
                reasons.add(r);
            }
        }
        String comment = Optional.ofNullable(first(form, "comment")).orElse("").strip();
        boolean anonymous = "on".equals(first(form, "anonymous"));
        PhoneRatingPage.Choices chosen = new PhoneRatingPage.Choices(level, answers, reasons, comment, anonymous);
        String problem = level == null ? "need-level"
                : comment.length() > MAX_COMMENT ? "comment-long"
                : level <= org.govkiosk.api.RatingSubmission.BAD_LEVEL_MAX && reasons.isEmpty() && comment.isEmpty()
                ? "need-reason" : null;
        if (problem != null) {
            ctx.status(400).result(PhoneRatingPage.form(lang, token, c.link(), c.contact(), item, asked, chosen,
                    problem));
            return;
        }
        PhoneRatings.Stored stored = ratings.rate(c.link(), c.contact(), level, answers, new ArrayList<>(reasons),
                comment, anonymous, s.clock().instant());
        if (stored.storedNow()) {
            LOG.info("Phone rating of case {} contact {} stored ({})", c.link().caseNumber(),
                    c.link().serviceSequence(), c.link().source());
        }
        ctx.status(200).result(PhoneRatingPage.given(lang, token, c.link(), c.contact(), item, stored.rating(),
                stored.storedNow()));
    }

    private String itemName(PageLanguage lang, Checked c) {
        Optional<RatingQuestions.ItemName> named = questions.name(c.link().itemCode());
        if (lang == PageLanguage.EN && named.isPresent() && named.get().en().isPresent()) {
            return named.get().en().get();
        }
        if (c.contact().itemName() != null) {
            return c.contact().itemName();
        }
        return named.map(RatingQuestions.ItemName::zh).orElse(c.link().itemCode());
    }

    private static Integer level(String text) {
        if (text == null || text.length() != 1 || text.charAt(0) < '1' || text.charAt(0) > '5') {
            return null;
        }
        return text.charAt(0) - '0';
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, List<String>> parse(byte[] body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw ApiException.client(400, org.govkiosk.api.ErrorCodes.INVALID_FIELD,
                        "the form is not URL-encoded");
            }
        }
        return out;
    }

    private static void headers(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Robots-Tag", "noindex");
        ctx.header("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        ctx.contentType("text/html; charset=utf-8");
    }
}
