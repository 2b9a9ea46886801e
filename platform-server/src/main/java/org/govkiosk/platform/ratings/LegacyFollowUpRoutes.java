package org.govkiosk.platform.ratings;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.BadRatingList;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.FollowUpState;
import org.govkiosk.api.RatingFollowUp;
import org.govkiosk.platform.http.ApiException;
import org.govkiosk.platform.http.Query;
import org.govkiosk.platform.http.Responses;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.RouteTable;

/**
 * The bad-rating work list and its follow-ups as before the ledger (deprecated: use the ledger), answered from the
 * ledger ({@link LegacyFollowUps}); the paths, bodies and answers are those the old clients know.
 */
final class LegacyFollowUpRoutes {

    private final RouteSupport s;
    private final LegacyFollowUps followUps;

    LegacyFollowUpRoutes(RouteSupport support, LegacyFollowUps followUps) {
        this.s = support;
        this.followUps = followUps;
    }

    void register(RouteTable routes) {
        routes.get(ApiPaths.CLERK_BAD_RATINGS, this::bad);
        routes.post(ApiPaths.CLERK_RATING_FOLLOW_UPS, this::followUp);
    }

    private void bad(Context ctx) {
        var who = s.auth().clerk(ctx);
        ctx.header("Deprecation", "true");
        Optional<FollowUpState> state = Optional.ofNullable(ctx.queryParam("state")).map(v -> {
            try {
                return FollowUpState.valueOf(v);
            } catch (IllegalArgumentException e) {
                throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "state must be one of "
                        + Arrays.toString(FollowUpState.values()));
            }
        });
        // A person sees the bad ratings of their own halls.
        Responses.json(ctx, 200, new BadRatingList(followUps.list(state,
                org.govkiosk.platform.http.StaffAuth.scope(who), Query.limit(ctx))));
    }

    private void followUp(Context ctx) {
        var who = s.auth().clerk(ctx);
        ctx.header("Deprecation", "true");
        s.bodies().requireJson(ctx);
        RatingFollowUp f = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()), RatingFollowUp.class);
        s.auth().staff().requireRating(ctx, who, f.ratingId()); // another hall's rating: 404
        try {
            Responses.json(ctx, 200, followUps.followUp(f));
        } catch (IllegalArgumentException e) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, e.getMessage());
        }
    }
}
