package org.govkiosk.platform.fleet;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.store.SessionRevocations;
import org.govkiosk.platform.store.StorageException;
import org.govkiosk.platform.store.TerminalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technicians' fleet page: {@code GET /fleet} lists every terminal with its heartbeat, devices and alarms,
 * rendered on the server and reloaded by the browser. Protected like the clerk endpoints: a script sends the clerk
 * token as {@code Authorization: Bearer}; a browser logs in once with it through {@code /fleet/login} and keeps a
 * session cookie ({@link FleetSession}). Served beside the API, not in its route table: it is a page for people,
 * not part of the terminal-platform contract the OpenAPI document describes.
 */
public final class FleetRoutes {

    public static final String PAGE = "/fleet";
    public static final String LOGIN = "/fleet/login";
    public static final String LOGOUT = "/fleet/logout";

    private static final Logger LOG = LoggerFactory.getLogger(FleetRoutes.class);
    // No script may run on the page at all, so even a value that slipped past escaping stays inert.
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private final RouteSupport s;
    private final TerminalStore terminals;
    private final FleetSession sessions;
    private final FleetAlarms alarms;
    private final FleetSettings settings;

    FleetRoutes(RouteSupport support, TerminalStore terminals, FleetSession sessions, FleetSettings settings) {
        this.s = support;
        this.terminals = terminals;
        this.sessions = sessions;
        this.settings = settings;
        this.alarms = new FleetAlarms(settings);
    }

    /** Serves the page on {@code app} with the default settings. */
    public static void install(Javalin app, RouteSupport support, TerminalStore terminals, PlatformConfig config,
            SessionRevocations revocations) {
        FleetSettings settings = FleetSettings.defaults();
        new FleetRoutes(support, terminals, new FleetSession(config.clerkToken(), support.clock(),
                settings.sessionLifetime(), revocations), settings).register(app);
    }

    void register(Javalin app) {
        app.get(PAGE, this::page);
        // HEAD runs the same checks as GET (Jetty drops the body): never a 200 without a session.
        app.head(PAGE, this::page);
        app.post(LOGIN, this::login);
        app.post(LOGOUT, this::logout);
    }

    private void page(Context ctx) {
        if (!sessions.enabled()) {
            html(ctx, 403, FleetHtml.login("未配置窗口业务系统令牌，概览页已关闭。The fleet page is off: no clerk token is"
                    + " configured on this platform.", false));
            return;
        }
        if (lockedOut(ctx)) {
            return;
        }
        if (!authorized(ctx)) {
            html(ctx, 401, FleetHtml.login(null, true));
            return;
        }
        try {
            var now = s.clock().instant();
            html(ctx, 200, FleetHtml.page(alarms.rows(terminals.all(), now), now, settings));
        } catch (StorageException e) {
            LOG.warn("Fleet page: storage unavailable: {}", e.getMessage());
            html(ctx, 503, FleetHtml.unavailable(settings.refresh()));
        }
    }

    private boolean authorized(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            return judged(ctx, sessions.tokenMatches(header.substring(7)));
        }
        return sessions.valid(ctx.cookie(FleetSession.COOKIE));
    }

    /** Counts a token attempt for the lockout of its client. */
    private boolean judged(Context ctx, boolean right) {
        if (right) {
            s.auth().throttle().succeeded(ctx.ip());
        } else {
            s.auth().throttle().failed(ctx.ip());
        }
        return right;
    }

    /** Answers 429 with Retry-After to a client locked out for wrong tokens; true if it did. */
    private boolean lockedOut(Context ctx) {
        var left = s.auth().throttle().lockedFor(ctx.ip());
        if (left.isEmpty()) {
            return false;
        }
        long seconds = org.govkiosk.platform.http.LoginThrottle.retryAfterSeconds(left.get());
        ctx.header("Retry-After", Long.toString(seconds));
        html(ctx, 429, FleetHtml.login("令牌错误次数过多，请 " + seconds + " 秒后再试。Too many wrong tokens: try again"
                + " in "
                + seconds + " s.", false));
        return true;
    }

    private void login(Context ctx) {
        if (!sessions.enabled()) {
            html(ctx, 403, FleetHtml.login("未配置窗口业务系统令牌，概览页已关闭。The fleet page is off: no clerk token is"
                    + " configured on this platform.", false));
            return;
        }
        // The form is read (within its small limit) even when locked out: an unread body would end the connection,
        // and a client refused over and over would open one per try.
        String token = formToken(ctx);
        if (lockedOut(ctx)) {
            return;
        }
        if (!judged(ctx, sessions.tokenMatches(token))) {
            // The given text is never logged: it may be a real token typed into the wrong platform.
            LOG.warn("Fleet page: a login with a wrong token from {}", ctx.ip());
            html(ctx, 401, FleetHtml.login("令牌不正确。The token is not valid.", true));
            return;
        }
        setCookie(ctx, sessions.issue(), sessions.lifetime().toSeconds());
        ctx.header("Location", PAGE);
        ctx.status(303);
    }

    /** A login form is a token and nothing more: a body beyond this is refused while it is read (413). */
    static final int MAX_LOGIN_BYTES = 4 * 1024;

    /**
     * The form's token, read within {@link #MAX_LOGIN_BYTES} whether the body is sized or chunked (Javalin's form
     * reader takes a chunked body of any size).
     */
    private String formToken(Context ctx) {
        String form = new String(s.bodies().read(ctx, MAX_LOGIN_BYTES), java.nio.charset.StandardCharsets.US_ASCII);
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("token")) {
                try {
                    return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private void logout(Context ctx) {
        // Ended here, not only in this browser: a copy of the cookie is refused from now on.
        sessions.revoke(ctx.cookie(FleetSession.COOKIE));
        setCookie(ctx, "", 0);
        ctx.header("Location", PAGE);
        ctx.status(303);
    }

    /** Secure whenever the request came over TLS: to this platform's HTTPS, or to the TLS proxy in front of it. */
    private void setCookie(Context ctx, String value, long maxAgeSeconds) {
        ctx.header("Set-Cookie", FleetSession.COOKIE + "=" + value + "; Path=" + PAGE + "; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + (ctx.req().isSecure() ? "; Secure" : ""));
    }

    private static void html(Context ctx, int status, String body) {
        ctx.status(status);
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(body);
    }
}
