package org.govkiosk.platform.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.platform.staff.Role;
import org.govkiosk.platform.staff.StaffMember;
import org.govkiosk.platform.store.CaseStore;
import org.govkiosk.platform.store.NotFoundException;
import org.govkiosk.platform.store.StaffAccounts;
import org.govkiosk.platform.store.StaffAudit;
import org.govkiosk.platform.store.StaffSessions;

/**
 * Who a staff request comes from, and what they may touch. Pages and endpoints call {@link #requireRole} and get the
 * {@link StaffMember} back; then {@link #requireCase}, {@link #requireHall} or {@link #requireRating} keep them in
 * their halls (another hall's case is answered as if it did not exist: 404 not-found, as for terminals).
 *
 * <p>Three ways in: a browser's session cookie ({@value #COOKIE}; a change made with it must carry the session's
 * CSRF token, in the {@value #CSRF_HEADER} header or a form's {@code csrf} field), an API caller's session token
 * ({@code Authorization: Bearer gks_...}, from {@code POST /api/v1/staff/sessions}), and the shared machine token
 * (the old clerk token; {@code Authorization: Bearer}) for scrapers and scripted integrations, which acts in every
 * hall and is audited as {@code machine}. Wrong machine tokens count toward the client's lockout
 * ({@link LoginThrottle}).
 *
 * <p>A staff page (the fleet page, the clerk's desk) uses it so:
 * <pre>{@code
 * Optional<StaffMember> who = staff.current(ctx);          // empty: answer 401 with StaffRoutes.signInUrl("/clerk", lang)
 * StaffMember clerk = staff.requireRole(ctx, Role.CLERK, Role.HALL_ADMIN);   // 401/403 as ApiException
 * staff.requireCase(ctx, clerk, caseNumber);                // 404 for another hall's case
 * String csrf = staff.csrfToken(ctx).orElse(null);         // into the page: forms post it as csrf, fetch() as X-CSRF-Token
 * }</pre>
 * Changes a page makes are audited by {@link #audit} after the request (add words with {@link #detail}).
 */
public final class StaffAuth {

    public static final String COOKIE = "govkiosk_staff";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The roles of the clerk endpoints when a route names none. */
    public static final Role[] CASE_WORK = {Role.CLERK, Role.HALL_ADMIN};
    private static final String ACTOR = "govkiosk.staff";
    private static final String CSRF = "govkiosk.staff.csrf";
    private static final String VIA_COOKIE = "govkiosk.staff.cookie";
    private static final String HALL = "govkiosk.staff.hall";
    private static final String DETAIL = "govkiosk.staff.detail";
    private static final String AUDITED = "govkiosk.staff.audited";

    /** How long sessions last: idle limit and absolute limit. */
    public record Lifetimes(Duration idle, Duration absolute) {
        public static Lifetimes defaults() {
            return new Lifetimes(Duration.ofMinutes(30), Duration.ofHours(10));
        }
    }

    private final Optional<String> machineToken;
    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final StaffAudit audit;
    private final LoginThrottle throttle;
    private final CaseStore cases;
    private final Clock clock;
    private final Lifetimes lifetimes;

    public StaffAuth(Optional<String> machineToken, StaffAccounts accounts, StaffSessions sessions, StaffAudit audit,
            LoginThrottle throttle, CaseStore cases, Clock clock, Lifetimes lifetimes) {
        this.machineToken = machineToken.filter(t -> !t.isBlank());
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.throttle = throttle;
        this.cases = cases;
        this.clock = clock;
        this.lifetimes = lifetimes;
    }

    public StaffAccounts accounts() {
        return accounts;
    }

    public StaffSessions sessions() {
        return sessions;
    }

    public StaffAudit audit() {
        return audit;
    }

    public LoginThrottle throttle() {
        return throttle;
    }

    public Lifetimes lifetimes() {
        return lifetimes;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The signed-in staff member (or machine) of this request, with one of {@code roles}; a change made with the
     * session cookie must carry its CSRF token in the {@value #CSRF_HEADER} header.
     *
     * @throws ApiException 429 while the client is locked out, 401 without valid credentials, 403 role-not-allowed
     *                      or csrf-token-invalid
     */
    public StaffMember requireRole(Context ctx, Role... roles) {
        return requireRole(ctx, ctx.header(CSRF_HEADER), roles);
    }

    /** As {@link #requireRole(Context, Role...)}, with the CSRF token a form sent ({@code csrf} field). */
    public StaffMember requireRole(Context ctx, String csrfToken, Role... roles) {
        StaffMember who = current(ctx).orElseThrow(() -> ApiException.client(401, ErrorCodes.CLERK_AUTH_REQUIRED,
                "sign in: a staff session (cookie, or Authorization: Bearer gks_...) or the machine token is"
                        + " required"));
        if (!who.hasRole(roles)) {
            throw ApiException.client(403, ErrorCodes.ROLE_NOT_ALLOWED, "the role " + who.role()
                    + " may not do this; it needs one of " + Arrays.toString(roles));
        }
        if (Boolean.TRUE.equals(ctx.attribute(VIA_COOKIE)) && changes(ctx)) {
            String expected = ctx.attribute(CSRF);
            if (csrfToken == null || expected == null || !same(csrfToken, expected)) {
                throw ApiException.client(403, ErrorCodes.CSRF_TOKEN_INVALID, "a change made with the session cookie"
                        + " needs the session's CSRF token (" + CSRF_HEADER + " header or csrf form field)");
            }
        }
        return who;
    }

    /**
     * Who this request comes from, if anyone; remembered for the request. A wrong machine token counts toward the
     * lockout; a locked-out client is refused (429) before anything is looked at.
     */
    public Optional<StaffMember> current(Context ctx) {
        StaffMember known = ctx.attribute(ACTOR);
        if (known != null) {
            return Optional.of(known);
        }
        throttle.check(ctx);
        String header = ctx.header("Authorization");
        Optional<StaffMember> who;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String given = header.substring(7).strip();
            if (given.startsWith(StaffSessions.PREFIX)) {
                who = fromSession(ctx, given, false);
            } else if (machineToken.isPresent() && same(given, machineToken.get())) {
                throttle.succeeded(ctx.ip());
                who = Optional.of(StaffMember.machineToken());
            } else {
                throttle.failed(ctx.ip());
                who = Optional.empty();
            }
        } else {
            who = fromSession(ctx, ctx.cookie(COOKIE), true);
        }
        who.ifPresent(w -> ctx.attribute(ACTOR, w));
        return who;
    }

    /**
     * Whether the session this request came with is still live, asked again later (an open event stream): false
     * once it was signed out, expired (idle or absolute) or its account changed. Asking does not count as use.
     * Always true for the machine token.
     */
    public java.util.function.BooleanSupplier stillSignedIn(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
                : ctx.cookie(COOKIE);
        if (token == null || !token.startsWith(StaffSessions.PREFIX)) {
            StaffMember who = ctx.attribute(ACTOR);
            return () -> who != null && who.machine();
        }
        return () -> {
            try {
                return sessions.live(token, clock.instant(), lifetimes.idle());
            } catch (RuntimeException e) {
                return true; // the store is down: keep the stream; the next round asks again
            }
        };
    }

    /** The CSRF token of the cookie session of this request, for the forms of a page (after {@link #current}). */
    public Optional<String> csrfToken(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CSRF));
    }

    private Optional<StaffMember> fromSession(Context ctx, String token, boolean cookie) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return sessions.find(token, clock.instant(), lifetimes.idle()).flatMap(s -> {
            Optional<StaffAccounts.Account> account = accounts.find(s.login()).filter(a -> !a.disabled());
            account.ifPresent(a -> {
                ctx.attribute(CSRF, s.csrf());
                ctx.attribute(VIA_COOKIE, cookie);
            });
            return account.map(StaffAccounts.Account::member);
        });
    }

    /** @throws NotFoundException (404) unless {@code who} acts in {@code hall} */
    public static void requireHall(StaffMember who, String hall, String what) {
        if (!who.actsIn(hall)) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "no " + what + " with this id in your halls");
        }
    }

    /** The hall of case {@code caseNumber}, which {@code who} must act in; 404 for an unknown case or another hall's. */
    public String requireCase(Context ctx, StaffMember who, String caseNumber) {
        Optional<String> hall = cases.hallOf(caseNumber);
        if (!who.machine()) {
            requireHall(who, hall.orElse(null), "case");
        }
        hall.ifPresent(h -> ctx.attribute(HALL, h));
        return hall.orElse(null);
    }

    /** The hall of rating {@code ratingId}, which {@code who} must act in; 404 for an unknown one or another hall's. */
    public String requireRating(Context ctx, StaffMember who, String ratingId) {
        Optional<String> hall = accounts.hallOfRating(ratingId);
        if (!who.machine()) {
            requireHall(who, hall.orElse(null), "rating");
        }
        hall.ifPresent(h -> ctx.attribute(HALL, h));
        return hall.orElse(null);
    }

    /** A few words on what this request did, for its audit record (e.g. the state a case moved to). */
    public static void detail(Context ctx, String detail) {
        ctx.attribute(DETAIL, detail);
    }

    /**
     * Records every change a staff member (or the machine) made and that succeeded: the route as the action, its
     * path parameters as the target, the hall the route scoped it to and the route's detail. Runs after each
     * request ({@code app.after}); a failure to record is logged loudly, the answer has gone already.
     */
    public void audit(Context ctx) {
        StaffMember who = ctx.attribute(ACTOR);
        if (who == null || !changes(ctx) || ctx.statusCode() >= 400 || Boolean.TRUE.equals(ctx.attribute(AUDITED))) {
            return;
        }
        String target = ctx.pathParamMap().isEmpty() ? null : String.join(",", ctx.pathParamMap().values());
        try {
            record(who, ctx.method().name() + " " + ctx.endpointHandlerPath(), target, ctx.attribute(HALL),
                    ctx.attribute(DETAIL));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(StaffAuth.class).error("Audit record of {} by {} failed: {}",
                    ctx.endpointHandlerPath(), who.login(), e.toString());
        }
    }

    /** Marks this request as recorded by its route already (sign-in, sign-out and account changes). */
    public static void audited(Context ctx) {
        ctx.attribute(AUDITED, true);
    }

    /** The halls {@code who} may see: null for the machine (every hall). */
    public static Set<String> scope(StaffMember who) {
        return who.machine() ? null : who.halls();
    }

    /** Records what {@code who} did, with the request's route as the action unless {@code action} names one. */
    public void record(StaffMember who, String action, String target, String hall, String detail) {
        audit.record(who, clock.instant(), action, target, hall, detail);
    }

    private static boolean changes(Context ctx) {
        String m = ctx.method().name();
        return !m.equals("GET") && !m.equals("HEAD") && !m.equals("OPTIONS");
    }

    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
