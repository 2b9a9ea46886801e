package org.govkiosk.platform.province;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.NonceStore;
import org.govkiosk.platform.http.ApiException;
import org.govkiosk.platform.http.Bodies;
import org.govkiosk.platform.http.Query;
import org.govkiosk.platform.http.Responses;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.RouteTable;
import org.govkiosk.platform.http.StaffAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the upward link: the dead letters for staff (clerk token; always served, documented in
 * {@code govkiosk-platform.yaml}), and, when a province is linked, the 差评通报单 it pushes (its HMAC, described in
 * {@code province-haochaping.yaml}).
 */
final class ProvinceRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ProvinceRoutes.class);

    static final String DEAD_LETTERS = ApiPaths.CLERK_PROVINCE_DEAD_LETTERS;
    static final String REQUEUE = ApiPaths.CLERK_PROVINCE_REQUEUE;
    static final String NOTICES = ApiPaths.BASE + "/province/notices";
    /** A 差评通报单 is small; anything bigger is refused before it is read. */
    static final long NOTICE_LIMIT = 64 * 1024;

    /** The body of a re-queue: one dead letter, or all of them. */
    public record Requeue(String entryId, Boolean all) {
    }

    private final RouteSupport s;
    private final ProvinceOutbox outbox;

    ProvinceRoutes(RouteSupport support, ProvinceOutbox outbox) {
        this.s = support;
        this.outbox = outbox;
    }

    void register(RouteTable routes) {
        routes.get(DEAD_LETTERS, this::deadLetters);
        routes.post(REQUEUE, this::requeue);
    }

    /** The push endpoint of 差评通报单, verified with the province's key, each nonce once. */
    void registerNotices(RouteTable routes, ProvinceHmac theirs, ProvinceHmac ours, NonceStore nonces,
            NoticeIntake intake, Duration skew) {
        routes.post(NOTICES, ctx -> notice(ctx, theirs, ours, nonces, intake, skew));
    }

    private void deadLetters(Context ctx) {
        var who = s.auth().clerk(ctx, org.govkiosk.platform.staff.Role.HALL_ADMIN,
                org.govkiosk.platform.staff.Role.SUPERVISOR);
        int limit = Query.limit(ctx);
        // A person sees the upward entries of their own halls' ratings; the machine sees all.
        java.util.Set<String> halls = StaffAuth.scope(who);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", outbox.count("DEAD", halls));
        body.put("pending", outbox.count("PENDING", halls) + outbox.count("SENDING", halls));
        body.put("entries", outbox.deadLetters(halls, limit));
        Responses.json(ctx, 200, body);
    }

    private void requeue(Context ctx) {
        var who = s.auth().clerk(ctx, org.govkiosk.platform.staff.Role.HALL_ADMIN,
                org.govkiosk.platform.staff.Role.SUPERVISOR);
        s.bodies().requireJson(ctx);
        Requeue r = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()), Requeue.class);
        boolean all = Boolean.TRUE.equals(r.all());
        if (all == (r.entryId() != null)) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "give either entryId or \"all\": true");
        }
        if (r.entryId() != null && r.entryId().length() > 64) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "entryId is at most 64 characters");
        }
        // Only the dead letters of the caller's halls: another hall's is answered as if it were not there (404).
        int n = outbox.requeue(all ? null : r.entryId(), StaffAuth.scope(who));
        if (!all && n == 0) {
            throw ApiException.client(404, ErrorCodes.NOT_FOUND, "no dead letter " + r.entryId()
                    + (who.machine() ? "" : " in your halls"));
        }
        StaffAuth.detail(ctx, all ? n + " dead letter(s) queued again" : "dead letter queued again");
        LOG.info("{} upward dead letter(s) queued again by staff", n);
        Responses.json(ctx, 200, Map.of("requeued", n));
    }

    private void notice(Context ctx, ProvinceHmac theirs, ProvinceHmac ours, NonceStore nonces, NoticeIntake intake,
            Duration skew) {
        for (String h : new String[] {ProvinceHmac.KEY_ID, ProvinceHmac.TIMESTAMP, ProvinceHmac.NONCE,
                ProvinceHmac.ALGORITHM, ProvinceHmac.SIGNATURE}) {
            if (ctx.header(h) == null) { // refused at once, the body unread
                throw ApiException.client(401, ErrorCodes.UNSIGNED, "the request lacks " + h);
            }
        }
        s.bodies().requireJson(ctx);
        byte[] body = s.bodies().read(ctx, NOTICE_LIMIT);
        try {
            theirs.verify("POST", ctx.path(), body, ctx::header, s.clock().instant(), skew);
        } catch (ProvinceHmac.Refused e) {
            LOG.warn("差评通报单 refused from {}: {}", ctx.ip(), e.getMessage());
            throw ApiException.client(401, e.code(), e.getMessage());
        }
        if (!nonces.firstUse("province:" + theirs.keyId(), ctx.header(ProvinceHmac.NONCE), s.clock().instant())) {
            LOG.warn("差评通报单 refused from {}: a replayed nonce", ctx.ip());
            throw ApiException.client(401, ErrorCodes.REPLAYED_NONCE, "this nonce was used before");
        }
        BadRatingNotice n = s.bodies().json(body, BadRatingNotice.class);
        NoticeIntake.Taken taken = intake.take(n, Bodies.sha256Hex(body), s.clock().millis());
        int status;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("noticeNumber", n.noticeNumber());
        switch (taken.result()) {
            case RECORDED -> {
                status = 201;
                answer.put("status", "accepted");
                answer.put("ratingId", taken.ratingId());
                LOG.info("差评通报单 {} on the ledger for rating {}, deadline {}", n.noticeNumber(), taken.ratingId(),
                        n.deadline());
            }
            case DUPLICATE -> {
                status = 200;
                answer.put("status", "duplicate");
                answer.put("ratingId", taken.ratingId());
            }
            case CONFLICT -> throw ApiException.client(409, ErrorCodes.IDEMPOTENCY_CONFLICT, "notice "
                    + n.noticeNumber() + " was received before with another body");
            case NOT_BAD_HERE -> throw ApiException.client(409, ErrorCodes.ILLEGAL_TRANSITION, "rating "
                    + taken.ratingId() + " is no bad rating a citizen gave here (level above 2, or a default)");
            default -> throw ApiException.client(404, "unknown-rating", "no rating of case " + n.caseNumber()
                    + " contact " + n.serviceSequence() + " is held here");
        }
        byte[] out = s.bodies().canonicalJson(answer).getBytes(StandardCharsets.UTF_8);
        ctx.header(ProvinceHmac.SIGNATURE, ours.signAnswer(status, ctx.header(ProvinceHmac.NONCE), out));
        ctx.status(status).contentType("application/json").result(out);
    }
}
