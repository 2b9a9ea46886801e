package org.govkiosk.platform.ratings;

import io.javalin.http.Context;
import java.time.LocalDate;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.RatingLedgerAction;
import org.govkiosk.api.RatingLedgerList;
import org.govkiosk.platform.http.ApiException;
import org.govkiosk.platform.http.StaffAuth;
import org.govkiosk.platform.staff.Role;
import org.govkiosk.platform.staff.StaffMember;
import org.govkiosk.platform.http.Query;
import org.govkiosk.platform.http.Responses;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.RouteTable;

/** Clerk side of the follow-up ledger: the entries (overdue ones apart), the steps, and the rates of a period. */
final class RatingLedgerRoutes {

    private final RouteSupport s;
    private final RatingLedger ledger;

    RatingLedgerRoutes(RouteSupport support, RatingLedger ledger) {
        this.s = support;
        this.ledger = ledger;
    }

    void register(RouteTable routes) {
        routes.get(ApiPaths.CLERK_RATING_LEDGER, this::list);
        routes.post(ApiPaths.CLERK_RATING_LEDGER, this::act);
        routes.get(ApiPaths.CLERK_RATING_LEDGER_RATES, this::rates);
    }

    private void list(Context ctx) {
        StaffMember who = s.auth().clerk(ctx);
        String overdue = ctx.queryParam("overdue");
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "overdue must be true or false");
        }
        if (who.machine()) {
            Responses.json(ctx, 200, new RatingLedgerList(ledger.list("true".equals(overdue), Query.limit(ctx))));
            return;
        }
        // A person sees the entries of their halls' ratings; the limit is applied after that filter.
        Responses.json(ctx, 200, new RatingLedgerList(ledger.list("true".equals(overdue), Integer.MAX_VALUE).stream()
                .filter(e -> s.auth().staff().accounts().hallOfRating(e.ratingId()).filter(who::actsIn).isPresent())
                .limit(Query.limit(ctx)).toList()));
    }

    private void act(Context ctx) {
        StaffMember who = s.auth().clerk(ctx);
        s.bodies().requireJson(ctx);
        RatingLedgerAction given = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()), RatingLedgerAction.class);
        s.auth().staff().requireRating(ctx, who, given.ratingId());
        // Who acted is the signed-in person, whatever the body says; only the machine token names someone.
        RatingLedgerAction a = who.machine() ? given : new RatingLedgerAction(given.ratingId(), given.action(),
                who.signature(64), given.ownerDepartment(), given.ownerClerk(), given.calledBackAt(),
                given.citizenSaid(), given.reason(), given.newDeadline(), given.rectification(), given.outcome());
        if (a.by() == null || a.by().isBlank()) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "by: who acted is needed when the machine"
                    + " token calls");
        }
        StaffAuth.detail(ctx, a.action() + " by " + a.by());
        try {
            Responses.json(ctx, 200, ledger.act(a));
        } catch (IllegalArgumentException e) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, e.getMessage());
        }
    }

    private void rates(Context ctx) {
        StaffMember who = s.auth().clerk(ctx, Role.SUPERVISOR, Role.HALL_ADMIN);
        LocalDate from = Query.date(ctx, "from");
        LocalDate to = Query.date(ctx, "to");
        if (to.isBefore(from) || to.isAfter(from.plusDays(366))) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "to must be from from to 366 days after it");
        }
        Responses.json(ctx, 200, ledger.rates(from, to, StaffAuth.scope(who)));
    }
}
