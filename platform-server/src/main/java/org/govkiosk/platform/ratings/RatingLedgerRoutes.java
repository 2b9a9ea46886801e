package org.govkiosk.platform.ratings;

import io.javalin.http.Context;
import java.time.LocalDate;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.RatingLedgerAction;
import org.govkiosk.api.RatingLedgerList;
import org.govkiosk.platform.http.ApiException;
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
        s.auth().clerk(ctx);
        String overdue = ctx.queryParam("overdue");
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "overdue must be true or false");
        }
        Responses.json(ctx, 200, new RatingLedgerList(ledger.list("true".equals(overdue), Query.limit(ctx))));
    }

    private void act(Context ctx) {
        s.auth().clerk(ctx);
        s.bodies().requireJson(ctx);
        RatingLedgerAction a = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()), RatingLedgerAction.class);
        try {
            Responses.json(ctx, 200, ledger.act(a));
        } catch (IllegalArgumentException e) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, e.getMessage());
        }
    }

    private void rates(Context ctx) {
        s.auth().clerk(ctx);
        LocalDate from = Query.date(ctx, "from");
        LocalDate to = Query.date(ctx, "to");
        if (to.isBefore(from) || to.isAfter(from.plusDays(366))) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "to must be from from to 366 days after it");
        }
        Responses.json(ctx, 200, ledger.rates(from, to));
    }
}
