package org.govkiosk.platform.pads;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Optional;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.NationalRatingPage;
import org.govkiosk.platform.http.ApiException;
import org.govkiosk.platform.http.StaffAuth;
import org.govkiosk.platform.staff.Role;
import org.govkiosk.platform.staff.StaffMember;
import org.govkiosk.platform.http.Query;
import org.govkiosk.platform.http.Responses;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.RouteTable;

/**
 * Clerk side of ratings: the national export and the summary. (The bad-rating work list and its follow-ups are
 * answered from the 回访整改台账 in {@code ratings}.)
 */
final class RatingReportRoutes {

    private final RouteSupport s;
    private final RatingReports reports;
    private final Duration settle;

    RatingReportRoutes(RouteSupport support, RatingReports reports, Duration settle) {
        this.s = support;
        this.reports = reports;
        this.settle = settle;
    }

    void register(RouteTable routes) {
        routes.get(ApiPaths.CLERK_NATIONAL_RATINGS, this::national);
        routes.get(ApiPaths.CLERK_RATING_SUMMARY, this::summary);
    }

    private static final Role[] READERS = {Role.SUPERVISOR, Role.HALL_ADMIN, Role.CLERK};

    private void summary(Context ctx) {
        StaffMember who = s.auth().clerk(ctx, READERS);
        java.time.LocalDate from = Query.date(ctx, "from");
        java.time.LocalDate to = Query.date(ctx, "to");
        if (to.isBefore(from) || to.isAfter(from.plusDays(366))) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "to must be from from to 366 days after it");
        }
        Responses.json(ctx, 200, reports.summary(from, to, s.zone(), StaffAuth.scope(who)));
    }

    /** The national export covers every hall: for the machine token (the export job) only. */
    private void national(Context ctx) {
        s.auth().machine(ctx);
        Optional<RatingReports.Cursor> after;
        try {
            after = Optional.ofNullable(ctx.queryParam("after")).map(RatingReports.Cursor::parse);
        } catch (IllegalArgumentException e) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, e.getMessage());
        }
        RatingReports.NationalPage page = reports.national(after, s.clock().instant().minus(settle), Query.limit(ctx));
        Responses.json(ctx, 200, new NationalRatingPage(page.ratings(),
                page.next().map(RatingReports.Cursor::text).orElse(null)));
    }
}
