package org.govkiosk.platform.ratings;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.RatingReport;
import org.govkiosk.platform.http.ApiException;
import org.govkiosk.platform.http.Responses;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.RouteTable;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.NotFoundException;
import org.govkiosk.platform.http.PageLanguage;

/**
 * The rating reports of a period: for the clerks as JSON, CSV or a printable page ({@code format}), and each hall's
 * published results (公开评价结果), public, without personal data.
 */
final class PeriodReportRoutes {

    private final RouteSupport s;
    private final PeriodReports reports;
    private final RatingPublications publications;
    private final Database db;

    PeriodReportRoutes(RouteSupport support, PeriodReports reports, RatingPublications publications, Database db) {
        this.s = support;
        this.reports = reports;
        this.publications = publications;
        this.db = db;
    }

    void register(RouteTable routes) {
        routes.get(ApiPaths.CLERK_RATING_REPORTS, this::report);
        routes.get(ApiPaths.RATINGS_PUBLISHED_PAGE, this::published);
    }

    /** A period: {@code day}, {@code month} (yyyy-MM) or {@code from} and {@code to}; exactly one of them. */
    record Period(LocalDate from, LocalDate to, String text) {
    }

    static Period period(Context ctx, LocalDate today) {
        String day = bounded(ctx, "day", 10);
        String month = bounded(ctx, "month", 7);
        String from = bounded(ctx, "from", 10);
        String to = bounded(ctx, "to", 10);
        int forms = (day != null ? 1 : 0) + (month != null ? 1 : 0) + (from != null || to != null ? 1 : 0);
        if (forms > 1) {
            throw bad("give one period: day, month, or from and to");
        }
        try {
            if (day != null) {
                LocalDate d = LocalDate.parse(day);
                return new Period(d, d, d.toString());
            }
            if (month != null) {
                YearMonth m = YearMonth.parse(month);
                return new Period(m.atDay(1), m.atEndOfMonth(), m.toString());
            }
            if (from != null || to != null) {
                if (from == null || to == null) {
                    throw bad("from and to go together");
                }
                LocalDate f = LocalDate.parse(from);
                LocalDate t = LocalDate.parse(to);
                if (t.isBefore(f) || t.isAfter(f.plusDays(366))) {
                    throw bad("to must be from from to 366 days after it");
                }
                return new Period(f, t, f + " – " + t);
            }
        } catch (DateTimeParseException e) {
            throw bad("day, from and to are dates (yyyy-MM-dd), month is yyyy-MM");
        }
        YearMonth m = YearMonth.from(today);
        return new Period(m.atDay(1), m.atEndOfMonth(), m.toString());
    }

    private static String bounded(Context ctx, String name, int max) {
        String v = ctx.queryParam(name);
        if (v != null && v.length() > max) {
            throw bad(name + " is longer than " + max + " characters");
        }
        return v;
    }

    private static ApiException bad(String message) {
        return ApiException.client(400, ErrorCodes.INVALID_FIELD, message);
    }

    private void report(Context ctx) {
        var who = s.auth().clerk(ctx, org.govkiosk.platform.staff.Role.CLERK,
                org.govkiosk.platform.staff.Role.SUPERVISOR, org.govkiosk.platform.staff.Role.HALL_ADMIN);
        PeriodReports.By by;
        try {
            by = PeriodReports.By.parse(ctx.queryParamAsClass("by", String.class).getOrDefault("department"));
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        if (!List.of("json", "csv", "html").contains(format)) {
            throw bad("format must be json, csv or html");
        }
        String asked = ctx.queryParam("hall");
        if (asked != null && !asked.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw bad("hall is a hall code");
        }
        // A person reports on their own halls: the one they name, or their only one; the machine on any or all.
        String hall = asked;
        if (!who.machine()) {
            if (hall == null && who.halls().size() == 1) {
                hall = who.halls().first();
            } else if (hall == null) {
                throw bad("hall: name one of your halls " + who.halls());
            }
            org.govkiosk.platform.http.StaffAuth.requireHall(who, hall, "hall");
        }
        PageLanguage lang = PageLanguage.choose(ctx.queryParam("lang"), ctx.header("Accept-Language"));
        Period p = period(ctx, s.today());
        RatingReport r = reports.report(by, p.from(), p.to(), hall);
        ctx.header("Cache-Control", "no-store");
        switch (format) {
            case "csv" -> {
                ctx.header("Content-Disposition", "attachment; filename=\"ratings-" + by.text() + "-" + p.from()
                        + "-" + p.to() + ".csv\"");
                ctx.contentType("text/csv; charset=utf-8");
                ctx.status(200).result(ReportCsv.write(r, lang));
            }
            case "html" -> {
                pageHeaders(ctx);
                ctx.status(200).result(ReportPage.report(r, lang, s.clock().instant(), s.zone())
                        .getBytes(StandardCharsets.UTF_8));
            }
            default -> Responses.json(ctx, 200, r);
        }
    }

    private void published(Context ctx) {
        String hall = ctx.queryParam("hall");
        if (hall == null || !hall.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw bad("hall is required: a hall code");
        }
        Period p = period(ctx, s.today());
        if (!knownHall(hall)) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "no hall " + hall + " on this platform");
        }
        PageLanguage lang = PageLanguage.choose(ctx.queryParam("lang"), ctx.header("Accept-Language"));
        List<RatingReport> groupings = new ArrayList<>();
        groupings.add(reports.report(PeriodReports.By.DEPARTMENT, p.from(), p.to(), hall));
        groupings.add(reports.report(PeriodReports.By.ITEM, p.from(), p.to(), hall));
        if (publications.showClerks(hall)) {
            groupings.add(reports.report(PeriodReports.By.CLERK, p.from(), p.to(), hall));
        }
        String other = ApiPaths.RATINGS_PUBLISHED_PAGE + "?hall=" + hall + "&from=" + p.from() + "&to=" + p.to()
                + "&lang=" + (lang == PageLanguage.EN ? "zh" : "en");
        pageHeaders(ctx);
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.status(200).result(ReportPage.published(hall, p.text(), lang, groupings, other)
                .getBytes(StandardCharsets.UTF_8));
    }

    private boolean knownHall(String hall) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM terminals WHERE hall_code = ?")) {
                ps.setString(1, hall);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static void pageHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        ctx.contentType("text/html; charset=utf-8");
    }
}
