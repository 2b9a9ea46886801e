package org.govkiosk.platform.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.platform.staff.PasswordHash;
import org.govkiosk.platform.staff.PasswordRules;
import org.govkiosk.platform.staff.Role;
import org.govkiosk.platform.staff.StaffMember;
import org.govkiosk.platform.store.StaffAccounts;
import org.govkiosk.platform.store.StaffAudit;
import org.govkiosk.platform.store.StaffSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff sign-in and accounts. For people: {@code GET/POST /staff/login} (the form; a session cookie, then back to
 * {@code next}), {@code GET /staff} (who is signed in) and {@code POST /staff/logout}. For API callers:
 * {@code POST /api/v1/staff/sessions} answers a bearer session token, {@code POST /api/v1/staff/sessions/end} ends
 * it; {@code GET /api/v1/staff/me}; and for hall administrators the accounts of their halls and the audit.
 */
public final class StaffRoutes {

    public static final String HOME = "/staff";
    public static final String LOGIN_PAGE = "/staff/login";
    public static final String LOGOUT_PAGE = "/staff/logout";
    /** A sign-in is a login and a password: a body beyond this is refused while it is read (413). */
    static final int MAX_SIGN_IN_BYTES = 4 * 1024;
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    private static final Pattern HALL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern NEXT = Pattern.compile("/(fleet|clerk|staff|desk)(/[A-Za-z0-9/_.-]*)?(\\?[A-Za-z0-9=&_.%-]*)?");
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";
    private static final Logger LOG = LoggerFactory.getLogger(StaffRoutes.class);

    /** A sign-in by an API caller. */
    public record SignIn(String login, String password) {
    }

    /** A session handed to an API caller: send {@code token} as {@code Authorization: Bearer}. */
    public record Session(String token, String expiresAt, long idleTimeoutSeconds, Account staff) {
    }

    /** An account as the API shows it (never its hash). */
    public record Account(String login, String name, Role role, List<String> halls, boolean disabled) {
        static Account of(StaffMember m, boolean disabled) {
            return new Account(m.login(), m.name(), m.role(), List.copyOf(m.halls()), disabled);
        }
    }

    public record AccountList(List<Account> accounts) {
    }

    /** A new account. */
    public record NewAccount(String login, String name, Role role, List<String> halls, String password) {
    }

    /** What to change of an account; absent fields stay. */
    public record AccountChange(String name, Role role, List<String> halls, Boolean disabled, String password) {
    }

    public record AuditEntry(long id, String at, String login, String name, String role, String action,
            String target, String hallCode, String detail) {
    }

    public record AuditList(List<AuditEntry> entries) {
    }

    private final RouteSupport s;
    private final StaffAuth auth;

    public StaffRoutes(RouteSupport support) {
        this.s = support;
        this.auth = support.auth().staff();
    }

    /** The API on {@code routes}, the pages on {@code app} (beside the API, like the fleet page), the audit hook. */
    public void register(RouteTable routes, Javalin app) {
        routes.post(ApiPaths.STAFF_SESSIONS, this::apiSignIn);
        routes.post(ApiPaths.STAFF_SESSION_END, this::apiSignOut);
        routes.get(ApiPaths.STAFF_ME, this::me);
        routes.get(ApiPaths.STAFF_ACCOUNTS, this::accounts);
        routes.post(ApiPaths.STAFF_ACCOUNTS, this::create);
        routes.post(ApiPaths.STAFF_ACCOUNT, this::change);
        routes.get(ApiPaths.STAFF_AUDIT, this::audit);
        app.get(LOGIN_PAGE, this::loginPage);
        app.head(LOGIN_PAGE, this::loginPage);
        app.post(LOGIN_PAGE, this::loginForm);
        app.get(HOME, this::home);
        app.head(HOME, this::home);
        app.post(LOGOUT_PAGE, this::logoutForm);
        app.after(auth::audit);
    }

    // ---- signing in ----

    /** What a sign-in came to: the session, or why not (seconds to wait when locked out). */
    private record Outcome(StaffSessions.Issued issued, StaffMember who, long lockedSeconds) {
    }

    /**
     * Checks a login and password. Both the client address and the account count wrong tries in the shared
     * {@code login_failures}, so a guesser spread over addresses or instances is stopped on the account too. An
     * unknown login costs the same hash as a known one; a disabled account is told apart from a wrong password only
     * in the audit.
     */
    private Outcome signIn(Context ctx, String login, String password) {
        LoginThrottle throttle = auth.throttle();
        String accountKey = "staff:" + (login == null ? "" : login.toLowerCase(Locale.ROOT));
        Optional<Duration> locked = throttle.lockedFor(ctx.ip()).or(() -> throttle.lockedFor(accountKey));
        if (locked.isPresent()) {
            return new Outcome(null, null, LoginThrottle.retryAfterSeconds(locked.get()));
        }
        char[] pw = password == null ? new char[0] : password.toCharArray();
        Optional<StaffAccounts.Account> account = login == null || password == null
                || password.length() > PasswordRules.MAX_LENGTH ? Optional.empty() : auth.accounts().find(login);
        boolean right;
        if (account.isPresent()) {
            right = PasswordHash.verify(pw, account.get().passwordHash());
        } else {
            PasswordHash.verifyNothing(pw);
            right = false;
        }
        java.util.Arrays.fill(pw, '\0');
        if (!right || account.get().disabled()) {
            throttle.failed(ctx.ip());
            throttle.failed(accountKey);
            // The given password is never logged: it may be a real one typed into the wrong field.
            LOG.warn("Staff sign-in refused for account {} from {}", account.isPresent() ? login : "(unknown)",
                    ctx.ip());
            account.ifPresent(a -> auth.record(a.member(), right ? "sign-in refused: account disabled"
                    : "sign-in refused: wrong password", a.member().login(), null, ctx.ip()));
            return new Outcome(null, null, 0);
        }
        throttle.succeeded(ctx.ip());
        throttle.succeeded(accountKey);
        StaffMember who = account.get().member();
        if (PasswordHash.outdated(account.get().passwordHash())) {
            auth.accounts().rehash(who.login(), PasswordHash.hash(password.toCharArray()));
        }
        StaffSessions.Issued issued = auth.sessions().open(who.login(), s.clock().instant(),
                auth.lifetimes().absolute());
        auth.record(who, "sign-in", who.login(), null, ctx.ip());
        return new Outcome(issued, who, 0);
    }

    private void apiSignIn(Context ctx) {
        s.bodies().requireJson(ctx);
        SignIn in = s.bodies().json(s.bodies().read(ctx, MAX_SIGN_IN_BYTES), SignIn.class);
        Outcome o = signIn(ctx, in.login(), in.password());
        if (o.lockedSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(o.lockedSeconds()));
            throw new ApiException(429, ErrorCodes.TOO_MANY_ATTEMPTS, "too many wrong sign-ins; try again in "
                    + o.lockedSeconds() + " s", true);
        }
        if (o.issued() == null) {
            throw ApiException.client(401, ErrorCodes.SIGN_IN_FAILED, "wrong login or password, or the account is"
                    + " disabled");
        }
        ctx.header("Cache-Control", "no-store");
        Responses.json(ctx, 201, new Session(o.issued().token(), o.issued().expiresAt().toString(),
                auth.lifetimes().idle().toSeconds(), Account.of(o.who(), false)));
    }

    private void apiSignOut(Context ctx) {
        StaffMember who = auth.requireRole(ctx, Role.values());
        endSession(ctx, who);
        ctx.status(204);
    }

    private void endSession(Context ctx, StaffMember who) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : ctx.cookie(StaffAuth.COOKIE);
        if (!who.machine()) {
            auth.sessions().end(token);
            auth.record(who, "sign-out", who.login(), null, null);
        }
        StaffAuth.audited(ctx);
    }

    private void me(Context ctx) {
        StaffMember who = auth.requireRole(ctx, Role.values());
        Responses.json(ctx, 200, Account.of(who, false));
    }

    // ---- accounts ----

    private void accounts(Context ctx) {
        StaffMember admin = auth.requireRole(ctx, Role.HALL_ADMIN);
        Responses.json(ctx, 200, new AccountList(auth.accounts().inHalls(StaffAuth.scope(admin)).stream()
                .map(a -> Account.of(a.member(), a.disabled())).toList()));
    }

    private void create(Context ctx) {
        StaffMember admin = auth.requireRole(ctx, Role.HALL_ADMIN);
        s.bodies().requireJson(ctx);
        NewAccount n = s.bodies().json(s.bodies().read(ctx, MAX_SIGN_IN_BYTES), NewAccount.class);
        String login = requireLogin(n.login());
        String name = requireName(n.name());
        if (n.role() == null) {
            throw invalid("role must be one of " + java.util.Arrays.toString(Role.values()));
        }
        Set<String> halls = requireHalls(admin, n.halls());
        char[] pw = requirePassword(login, n.password());
        StaffMember m = StaffMember.person(login, name, n.role(), halls);
        auth.accounts().create(m, PasswordHash.hash(pw), s.clock().instant());
        java.util.Arrays.fill(pw, '\0');
        auth.record(admin, "account created", login, halls.iterator().next(), n.role() + " in " + halls);
        StaffAuth.audited(ctx);
        Responses.json(ctx, 201, Account.of(m, false));
    }

    private void change(Context ctx) {
        StaffMember admin = auth.requireRole(ctx, Role.HALL_ADMIN);
        s.bodies().requireJson(ctx);
        AccountChange c = s.bodies().json(s.bodies().read(ctx, MAX_SIGN_IN_BYTES), AccountChange.class);
        String login = ctx.pathParam("login");
        StaffAccounts.Account target = auth.accounts().find(login)
                .filter(a -> admin.machine() || a.member().halls().stream().anyMatch(admin::actsIn))
                .orElseThrow(() -> new org.govkiosk.platform.store.NotFoundException(ErrorCodes.NOT_FOUND,
                        "no staff account with this login in your halls"));
        if (!admin.machine() && !admin.halls().containsAll(target.member().halls())) {
            throw ApiException.client(403, ErrorCodes.OTHER_HALL, "this account also acts in halls you do not"
                    + " administer; an administrator of all its halls must change it");
        }
        if (login.equals(admin.login()) && (Boolean.TRUE.equals(c.disabled())
                || (c.role() != null && c.role() != Role.HALL_ADMIN))) {
            throw invalid("you cannot disable your own account or take your own administrator role");
        }
        Optional<Set<String>> halls = Optional.ofNullable(c.halls()).map(h -> requireHalls(admin, h));
        Optional<String> hash = Optional.ofNullable(c.password()).map(p -> PasswordHash.hash(requirePassword(login,
                p)));
        if (c.name() != null) {
            throw invalid("the name of an account is not changed here; create a new account for a new person");
        }
        auth.accounts().update(login, Optional.ofNullable(c.role()), halls, Optional.ofNullable(c.disabled()), hash,
                s.clock().instant());
        StringBuilder what = new StringBuilder();
        Optional.ofNullable(c.role()).ifPresent(r -> what.append("role ").append(r).append("; "));
        halls.ifPresent(h -> what.append("halls ").append(h).append("; "));
        Optional.ofNullable(c.disabled()).ifPresent(d -> what.append(d ? "disabled; " : "enabled; "));
        hash.ifPresent(h -> what.append("password set; "));
        auth.record(admin, "account changed", login, target.member().halls().isEmpty() ? null
                : target.member().halls().first(), what.toString().strip());
        StaffAuth.audited(ctx);
        StaffAccounts.Account now = auth.accounts().find(login).orElseThrow();
        Responses.json(ctx, 200, Account.of(now.member(), now.disabled()));
    }

    private void audit(Context ctx) {
        StaffMember who = auth.requireRole(ctx, Role.HALL_ADMIN, Role.SUPERVISOR);
        List<StaffAudit.Entry> entries = auth.audit().recent(StaffAuth.scope(who), Query.limit(ctx));
        Responses.json(ctx, 200, new AuditList(entries.stream().map(e -> new AuditEntry(e.id(), e.at().toString(),
                e.login(), e.name(), e.role(), e.action(), e.target(), e.hallCode(), e.detail())).toList()));
    }

    private static String requireLogin(String login) {
        if (login == null || !LOGIN.matcher(login).matches()) {
            throw invalid("login must be 2 to 32 of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
        }
        return login;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
            throw invalid("name must be 1 to 64 characters");
        }
        return name.strip();
    }

    private static Set<String> requireHalls(StaffMember admin, List<String> halls) {
        if (halls == null || halls.isEmpty() || halls.size() > 20) {
            throw invalid("halls must name 1 to 20 halls");
        }
        Set<String> out = new TreeSet<>();
        for (String h : halls) {
            if (h == null || !HALL.matcher(h).matches()) {
                throw invalid("a hall code is 1 to 64 of A-Z, a-z, 0-9, '.', '_', '-'");
            }
            if (!admin.actsIn(h)) {
                throw ApiException.client(403, ErrorCodes.OTHER_HALL, "hall " + h + " is not one of your halls");
            }
            out.add(h);
        }
        return out;
    }

    private static char[] requirePassword(String login, String password) {
        char[] pw = password == null ? null : password.toCharArray();
        PasswordRules.problem(login, pw).ifPresent(p -> {
            throw invalid(p);
        });
        return pw;
    }

    private static ApiException invalid(String message) {
        return ApiException.client(400, ErrorCodes.INVALID_FIELD, message);
    }

    // ---- pages ----

    private void loginPage(Context ctx) {
        boolean en = StaffPages.english(ctx.queryParam("lang"), ctx.header("Accept-Language"));
        html(ctx, 200, StaffPages.signIn(safeNext(ctx.queryParam("next")), null, null, en));
    }

    private void loginForm(Context ctx) {
        // Read within its small limit even when it will be refused: an unread body would end the connection.
        String form = new String(s.bodies().read(ctx, MAX_SIGN_IN_BYTES), StandardCharsets.US_ASCII);
        boolean en = StaffPages.english(formField(form, "lang"), ctx.header("Accept-Language"));
        String next = safeNext(formField(form, "next"));
        String login = formField(form, "login");
        if (!sameOrigin(ctx)) {
            // Login CSRF: another site's form must not sign this browser into an account of its choosing.
            html(ctx, 403, StaffPages.signIn(next, StaffPages.word("expired", en), null, en));
            return;
        }
        Outcome o = signIn(ctx, login, formField(form, "password"));
        if (o.lockedSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(o.lockedSeconds()));
            html(ctx, 429, StaffPages.signIn(next, String.format(Locale.ROOT, StaffPages.word("locked", en),
                    o.lockedSeconds()), login, en));
            return;
        }
        if (o.issued() == null) {
            html(ctx, 401, StaffPages.signIn(next, StaffPages.word("wrong", en), login, en));
            return;
        }
        setCookie(ctx, o.issued().token(), auth.lifetimes().absolute().toSeconds());
        ctx.header("Location", next + (next.contains("?") ? "&" : "?") + "lang=" + (en ? "en" : "zh"));
        ctx.status(303);
    }

    private void home(Context ctx) {
        boolean en = StaffPages.english(ctx.queryParam("lang"), ctx.header("Accept-Language"));
        Optional<StaffMember> who = auth.current(ctx);
        if (who.isEmpty() || who.get().machine()) {
            html(ctx, 401, StaffPages.signIn(HOME, StaffPages.word("expired", en), null, en));
            return;
        }
        html(ctx, 200, StaffPages.signedIn(who.get(), auth.csrfToken(ctx).orElse(""), en));
    }

    private void logoutForm(Context ctx) {
        String form = new String(s.bodies().read(ctx, MAX_SIGN_IN_BYTES), StandardCharsets.US_ASCII);
        boolean en = StaffPages.english(formField(form, "lang"), ctx.header("Accept-Language"));
        Optional<StaffMember> who = auth.current(ctx);
        if (who.isPresent()) {
            auth.requireRole(ctx, formField(form, "csrf"), Role.values());
            endSession(ctx, who.get());
        }
        setCookie(ctx, "", 0);
        ctx.header("Location", LOGIN_PAGE + "?lang=" + (en ? "en" : "zh"));
        ctx.status(303);
    }

    /**
     * For other staff pages (the clerk's desk): the sign-in address that comes back to {@code next} (one of
     * /fleet..., /clerk..., /staff..., /desk...), in {@code lang} (zh or en).
     */
    public static String signInUrl(String next, String lang) {
        return LOGIN_PAGE + "?next=" + StaffPages.urlEncode(safeNext(next)) + "&lang=" + ("en".equals(lang) ? "en"
                : "zh");
    }

    /** For other staff pages: the sign-out button, posting the cookie session's CSRF token ({@link StaffAuth#csrfToken}). */
    public static String signOutForm(String csrf, boolean english) {
        return StaffPages.signOutForm(csrf, english);
    }

    /** Where a sign-in may send the browser: one of our staff pages, never another site ({@code //evil}). */
    static String safeNext(String next) {
        return next != null && next.length() <= 200 && NEXT.matcher(next).matches() ? next : HOME;
    }

    /** A form post's Origin (when the browser sends one; "null" from an opaque origin is refused) must be this platform. */
    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        String own = ctx.scheme() + "://" + ctx.host();
        return origin.equalsIgnoreCase(own);
    }

    /**
     * The session cookie: HttpOnly, SameSite=Strict, Path=/ (the fleet page and the clerk's desk share it); Secure
     * whenever the request came over TLS or from another machine than this one (a plain-HTTP platform is only ever
     * bound to loopback; past it the traffic is TLS, at a proxy if not here).
     */
    static void setCookie(Context ctx, String value, long maxAgeSeconds) {
        boolean secure = ctx.req().isSecure() || !org.govkiosk.api.LoopbackHost.is(ctx.req().getRemoteAddr());
        ctx.header("Set-Cookie", StaffAuth.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }

    /** One field of a urlencoded form read within its limit; null if absent or malformed. */
    static String formField(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    static void html(Context ctx, int status, String body) {
        ctx.status(status);
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with the sign-in form, which
        // the login-CSRF check could not tell from another site's form.
        ctx.header("Referrer-Policy", "same-origin");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(body);
    }
}
