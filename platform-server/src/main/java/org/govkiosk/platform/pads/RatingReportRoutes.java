package org.govkiosk.platform.pads;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.BadRatingList;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.FollowUpState;
import org.govkiosk.api.NationalRatingPage;
import org.govkiosk.api.RatingFollowUp;
import org.govkiosk.platform.http.ApiException;
import org.govkiosk.platform.http.StaffAuth;
import org.govkiosk.platform.staff.Role;
import org.govkiosk.platform.staff.StaffMember;
import org.govkiosk.platform.http.Query;
import org.govkiosk.platform.http.Responses;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.RouteTable;

/** Clerk side of ratings: the bad-rating work list with follow-ups, and the national export. */
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
        routes.get(ApiPaths.CLERK_BAD_RATINGS, this::bad);
        routes.post(ApiPaths.CLERK_RATING_FOLLOW_UPS, this::followUp);
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

    private void bad(Context ctx) {
        StaffMember who = s.auth().clerk(ctx, READERS);
        Optional<FollowUpState> state = Optional.ofNullable(ctx.queryParam("state")).map(v -> {
            try {
                return FollowUpState.valueOf(v);
            } catch (IllegalArgumentException e) {
                throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "state must be one of "
                        + Arrays.toString(FollowUpState.values()));
            }
        });
        // A person sees their halls' bad ratings; the limit is applied after that filter.
        Responses.json(ctx, 200, new BadRatingList(who.machine() ? reports.bad(state, Query.limit(ctx))
                : reports.bad(state, Integer.MAX_VALUE).stream().filter(b -> who.actsIn(b.hallCode()))
                        .limit(Query.limit(ctx)).toList()));
    }

    private void followUp(Context ctx) {
        StaffMember who = s.auth().clerk(ctx, Role.SUPERVISOR, Role.HALL_ADMIN);
        s.bodies().requireJson(ctx);
        RatingFollowUp f = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()), RatingFollowUp.class);
        s.auth().staff().requireRating(ctx, who, f.ratingId());
        StaffAuth.detail(ctx, f.state().name());
        try {
            Responses.json(ctx, 200, reports.followUp(f, s.clock().instant()));
        } catch (IllegalArgumentException e) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, e.getMessage());
        }
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
