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

    /** Who reads appeals and the window map: the people who work on ratings. */
    private static final org.govkiosk.platform.staff.Role[] READERS = {org.govkiosk.platform.staff.Role.CLERK, org.govkiosk.platform.staff.Role.SUPERVISOR, org.govkiosk.platform.staff.Role.HALL_ADMIN};

    private void list(Context ctx) {
        var who = s.auth().clerk(ctx, READERS);
        Optional<AppealState> state = Optional.ofNullable(ctx.queryParam("state")).map(v -> {
            try {
                return AppealState.valueOf(v);
            } catch (IllegalArgumentException e) {
                throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "state must be one of "
                        + Arrays.toString(AppealState.values()));
            }
        });
        // A person sees the appeals on the ratings of their own halls.
        Responses.json(ctx, 200, new RatingAppealList(appeals.list(state,
                org.govkiosk.platform.http.StaffAuth.scope(who), Query.limit(ctx))));
    }

    private void file(Context ctx) {
        var who = s.auth().clerk(ctx);
        s.bodies().requireJson(ctx);
        RatingAppealFiling given = s.bodies().json(s.bodies().read(ctx, appealBodyLimit(s.maxBodyBytes())),
                RatingAppealFiling.class);
        s.auth().staff().requireRating(ctx, who, given.ratingId()); // another hall's rating: 404
        // A person files in their own name (the body's filedBy counts only for the machine token).
        RatingAppealFiling f = who.machine() ? given : new RatingAppealFiling(given.ratingId(), who.signature(64),
                given.department(), given.explanation(), given.evidence());
        var filed = appeals.file(f);
        LOG.info("Appeal {} filed against rating {} with {} image(s) of evidence", filed.appealId(), f.ratingId(),
                f.evidence().size());
        Responses.json(ctx, 201, filed);
    }

    private void decide(Context ctx) {
        // 复核 is a supervisor's or the hall administrator's, never the filer's (checked below by name).
        var who = s.auth().clerk(ctx, org.govkiosk.platform.staff.Role.SUPERVISOR, org.govkiosk.platform.staff.Role.HALL_ADMIN);
        String id = appealId(ctx);
        inHalls(ctx, who, id); // another hall's appeal: 404, before its body is read
        s.bodies().requireJson(ctx);
        RatingAppealDecision given = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()),
                RatingAppealDecision.class);
        RatingAppealDecision d = who.machine() ? given : new RatingAppealDecision(given.uphold(), who.signature(64),
                given.reason());
        try {
            var decided = appeals.decide(id, d);
            LOG.info("Appeal {} on rating {}: {}", id, decided.ratingId(), decided.state());
            Responses.json(ctx, 200, decided);
        } catch (RatingAppeals.SameReviewerException e) {
            throw ApiException.client(403, ErrorCodes.REVIEWER_IS_FILER, e.getMessage());
        }
    }

    private void evidence(Context ctx) {
        var who = s.auth().clerk(ctx, READERS);
        String id = appealId(ctx);
        inHalls(ctx, who, id); // another hall's evidence: 404
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

    /** 404 unless {@code who} acts in the hall of the rating appeal {@code id} is about (or there is none). */
    private void inHalls(Context ctx, org.govkiosk.platform.staff.StaffMember who, String id) {
        if (who.machine()) {
            return;
        }
        String rating = appeals.ratingOf(id).orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND,
                "no appeal " + id + " in your halls"));
        try {
            s.auth().staff().requireRating(ctx, who, rating);
        } catch (NotFoundException e) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "no appeal " + id + " in your halls");
        }
    }

    private static String appealId(Context ctx) {
        String id = ctx.pathParam("appealId");
        if (id.length() > 64) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "no such appeal");
        }
        return id;
    }

    private void windows(Context ctx) {
        var who = s.auth().clerk(ctx, READERS);
        // A person sees the windows of their own halls.
        Responses.json(ctx, 200, new WindowDepartmentList(windows.all().stream()
                .filter(w -> who.actsIn(w.hallCode())).toList()));
    }

    private void putWindow(Context ctx) {
        var who = s.auth().clerk(ctx, org.govkiosk.platform.staff.Role.HALL_ADMIN);
        s.bodies().requireJson(ctx);
        WindowDepartment w = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()), WindowDepartment.class);
        if (!who.machine()) {
            org.govkiosk.platform.http.StaffAuth.requireHall(who, w.hallCode(), "hall");
        }
        Responses.json(ctx, 200, windows.put(w));
    }

    private void putPublication(Context ctx) {
        var who = s.auth().clerk(ctx, org.govkiosk.platform.staff.Role.HALL_ADMIN);
        s.bodies().requireJson(ctx);
        RatingPublication p = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()), RatingPublication.class);
        if (!who.machine()) {
            org.govkiosk.platform.http.StaffAuth.requireHall(who, p.hallCode(), "hall");
        }
        Responses.json(ctx, 200, publications.put(p));
    }
}
