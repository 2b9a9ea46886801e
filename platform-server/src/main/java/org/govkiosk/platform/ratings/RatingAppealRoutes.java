package org.govkiosk.platform.ratings;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.AppealState;
import org.govkiosk.api.Attachment;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.RatingAppealDecision;
import org.govkiosk.api.RatingAppealFiling;
import org.govkiosk.api.RatingAppealList;
import org.govkiosk.api.RatingPublication;
import org.govkiosk.api.WindowDepartment;
import org.govkiosk.api.WindowDepartmentList;
import org.govkiosk.platform.http.ApiException;
import org.govkiosk.platform.http.Query;
import org.govkiosk.platform.http.Responses;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.RouteTable;
import org.govkiosk.platform.store.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clerk side of 申诉复核 (file, list, decide, the evidence's images) and of the rating configuration the reports
 * count by (the window → department map, what a hall publishes).
 */
final class RatingAppealRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(RatingAppealRoutes.class);

    /** An appeal's body: its evidence in base64 besides the usual JSON. */
    static long appealBodyLimit(long maxBodyBytes) {
        return maxBodyBytes + (long) RatingAppealFiling.MAX_EVIDENCE * Attachment.MAX_BYTES / 3L * 4L + 64 * 1024;
    }

    private final RouteSupport s;
    private final RatingAppeals appeals;
    private final WindowDepartments windows;
    private final RatingPublications publications;

    RatingAppealRoutes(RouteSupport support, RatingAppeals appeals, WindowDepartments windows,
            RatingPublications publications) {
        this.s = support;
        this.appeals = appeals;
        this.windows = windows;
        this.publications = publications;
    }

    void register(RouteTable routes) {
        routes.get(ApiPaths.CLERK_RATING_APPEALS, this::list);
        routes.post(ApiPaths.CLERK_RATING_APPEALS, this::file);
        routes.post(ApiPaths.CLERK_RATING_APPEAL_DECISION, this::decide);
        routes.get(ApiPaths.CLERK_RATING_APPEAL_EVIDENCE, this::evidence);
        routes.get(ApiPaths.CLERK_RATING_WINDOWS, this::windows);
        routes.put(ApiPaths.CLERK_RATING_WINDOWS, this::putWindow);
        routes.put(ApiPaths.CLERK_RATING_PUBLICATION, this::putPublication);
    }

    private void list(Context ctx) {
        s.auth().clerk(ctx);
        Optional<AppealState> state = Optional.ofNullable(ctx.queryParam("state")).map(v -> {
            try {
                return AppealState.valueOf(v);
            } catch (IllegalArgumentException e) {
                throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "state must be one of "
                        + Arrays.toString(AppealState.values()));
            }
        });
        Responses.json(ctx, 200, new RatingAppealList(appeals.list(state, Query.limit(ctx))));
    }

    private void file(Context ctx) {
        s.auth().clerk(ctx);
        s.bodies().requireJson(ctx);
        RatingAppealFiling f = s.bodies().json(s.bodies().read(ctx, appealBodyLimit(s.maxBodyBytes())),
                RatingAppealFiling.class);
        var filed = appeals.file(f);
        LOG.info("Appeal {} filed against rating {} with {} image(s) of evidence", filed.appealId(), f.ratingId(),
                f.evidence().size());
        Responses.json(ctx, 201, filed);
    }

    private void decide(Context ctx) {
        s.auth().clerk(ctx);
        s.bodies().requireJson(ctx);
        String id = appealId(ctx);
        RatingAppealDecision d = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()), RatingAppealDecision.class);
        try {
            var decided = appeals.decide(id, d);
            LOG.info("Appeal {} on rating {}: {}", id, decided.ratingId(), decided.state());
            Responses.json(ctx, 200, decided);
        } catch (RatingAppeals.SameReviewerException e) {
            throw ApiException.client(403, ErrorCodes.REVIEWER_IS_FILER, e.getMessage());
        }
    }

    private void evidence(Context ctx) {
        s.auth().clerk(ctx);
        String id = appealId(ctx);
        int number;
        try {
            number = Integer.parseInt(ctx.pathParam("number"));
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1 || number > RatingAppealFiling.MAX_EVIDENCE) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "evidence is numbered 1 to "
                    + RatingAppealFiling.MAX_EVIDENCE);
        }
        Attachment a = appeals.evidence(id, number);
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(a.mediaType());
        ctx.status(200).result(a.content());
    }

    private static String appealId(Context ctx) {
        String id = ctx.pathParam("appealId");
        if (id.length() > 64) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "no such appeal");
        }
        return id;
    }

    private void windows(Context ctx) {
        s.auth().clerk(ctx);
        Responses.json(ctx, 200, new WindowDepartmentList(windows.all()));
    }

    private void putWindow(Context ctx) {
        s.auth().clerk(ctx);
        s.bodies().requireJson(ctx);
        WindowDepartment w = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()), WindowDepartment.class);
        Responses.json(ctx, 200, windows.put(w));
    }

    private void putPublication(Context ctx) {
        s.auth().clerk(ctx);
        s.bodies().requireJson(ctx);
        RatingPublication p = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()), RatingPublication.class);
        Responses.json(ctx, 200, publications.put(p));
    }
}
