package org.govkiosk.platform.fleet;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.http.AcceptHeader;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.store.SessionRevocations;
import org.govkiosk.platform.store.StorageException;
import org.govkiosk.platform.store.TerminalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technicians' fleet page: {@code GET /fleet} shows one card per terminal with its alarms, heartbeat, outbox,
 * devices and the commands to run next, built for a phone first; {@code /fleet/events} pushes the cards to the open
 * page as Server-Sent Events ({@link FleetLive}; the page can pause them), and {@code /fleet/live.js} is the page's
 * only script. Chinese or English ({@code ?lang=}, else Accept-Language); filters by hall and alarm
 * ({@code ?hall=&alarm=}). Protected like the clerk endpoints: a script sends the clerk token as
 * {@code Authorization: Bearer}; a browser logs in once with it through {@code /fleet/login} and keeps a session
 * cookie ({@link FleetSession}). Served beside the API, not in its route table: it is a page for people, not part
 * of the terminal-platform contract the OpenAPI document describes.
 */
public final class FleetRoutes {

    public static final String PAGE = "/fleet";
    public static final String LOGIN = "/fleet/login";
    public static final String LOGOUT = "/fleet/logout";
    public static final String EVENTS = "/fleet/events";
    public static final String SCRIPT = "/fleet/live.js";

    private static final Logger LOG = LoggerFactory.getLogger(FleetRoutes.class);
    // Only the platform's own script file runs (no inline script, no eval), so even a value that slipped past
    // escaping stays inert; the page may connect to its own event stream only.
    private static final String CSP = "default-src 'none'; script-src 'self'; connect-src 'self';"
            + " style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final RouteSupport s;
    private final TerminalStore terminals;
    private final FleetSession sessions;
    private final FleetAlarms alarms;
    private final FleetLive live;

    FleetRoutes(RouteSupport support, TerminalStore terminals, FleetSession sessions, FleetSettings settings) {
        this.s = support;
        this.terminals = terminals;
        this.sessions = sessions;
        this.alarms = new FleetAlarms(settings);
        this.live = new FleetLive(terminals, alarms, support.clock(), support.zone(), settings.liveInterval());
    }

    /** Serves the page on {@code app} with the default settings. */
    public static void install(Javalin app, RouteSupport support, TerminalStore terminals, PlatformConfig config,
            SessionRevocations revocations) {
        FleetSettings settings = FleetSettings.defaults();
        FleetRoutes routes = new FleetRoutes(support, terminals, new FleetSession(config.clerkToken(),
                support.clock(), settings.sessionLifetime(), revocations), settings);
        routes.register(app);
        // Open streams would hold Jetty's stop until they time out; end them (and the pusher) first.
        app.events(e -> e.serverStopping(routes.live::close));
    }

    void register(Javalin app) {
        app.get(PAGE, this::page);
        // HEAD runs the same checks as GET (Jetty drops the body): never a 200 without a session.
        app.head(PAGE, this::page);
        app.get(EVENTS, this::events);
        app.get(SCRIPT, this::script);
        app.post(LOGIN, this::login);
        app.post(LOGOUT, this::logout);
    }

    private static FleetText lang(Context ctx) {
        return FleetText.choose(ctx.queryParam("lang"), ctx.header("Accept-Language"));
    }

    private static FleetFilter filter(Context ctx) {
        return FleetFilter.of(ctx.queryParam("hall"), ctx.queryParam("alarm"));
    }

    /** Answers for a request that may not see the fleet (page off, locked out, not logged in); true if it did. */
    private boolean refused(Context ctx, FleetText t) {
        if (!sessions.enabled()) {
            html(ctx, 403, FleetHtml.login(t.get("off"), false, t));
            return true;
        }
        if (lockedOut(ctx, t)) {
            return true;
        }
        if (!authorized(ctx)) {
            html(ctx, 401, FleetHtml.login(null, true, t));
            return true;
        }
        return false;
    }

    private void page(Context ctx) {
        FleetText t = lang(ctx);
        if (refused(ctx, t)) {
            return;
        }
        try {
            var now = s.clock().instant();
            html(ctx, 200, FleetHtml.page(alarms.rows(terminals.all(), now), filter(ctx), now, s.zone(), t));
        } catch (StorageException e) {
            LOG.warn("Fleet page: storage unavailable: {}", e.getMessage());
            html(ctx, 503, FleetHtml.unavailable(t));
        }
    }

    /** The page's event stream: the same login as the page, and an Accept that takes an event stream. */
    private void events(Context ctx) {
        FleetText t = lang(ctx);
        if (refused(ctx, t)) {
            return;
        }
        if (!AcceptHeader.accepts(ctx.header("Accept"), "text/event-stream")) {
            ctx.status(406).contentType("text/plain; charset=utf-8").result("Accept: text/event-stream");
            return;
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        live.open(ctx, filter(ctx), t);
    }

    /** The page's one script; public (it holds nothing), so the login page could use it too. */
    private void script(Context ctx) {
        ctx.status(200);
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("text/javascript; charset=utf-8");
        ctx.result(FleetHtml.SCRIPT);
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
    private boolean lockedOut(Context ctx, FleetText t) {
        var left = s.auth().throttle().lockedFor(ctx.ip());
        if (left.isEmpty()) {
            return false;
        }
        long seconds = org.govkiosk.platform.http.LoginThrottle.retryAfterSeconds(left.get());
        ctx.header("Retry-After", Long.toString(seconds));
        html(ctx, 429, FleetHtml.login(String.format(java.util.Locale.ROOT, t.get("lockedOut"), seconds), false, t));
        return true;
    }

    private void login(Context ctx) {
        // The form is read (within its small limit) even when locked out: an unread body would end the connection,
        // and a client refused over and over would open one per try.
        String form = new String(s.bodies().read(ctx, MAX_LOGIN_BYTES), java.nio.charset.StandardCharsets.US_ASCII);
        FleetText t = FleetText.choose(formField(form, "lang"), ctx.header("Accept-Language"));
        if (!sessions.enabled()) {
            html(ctx, 403, FleetHtml.login(t.get("off"), false, t));
            return;
        }
        if (lockedOut(ctx, t)) {
            return;
        }
        if (!judged(ctx, sessions.tokenMatches(formField(form, "token")))) {
            // The given text is never logged: it may be a real token typed into the wrong platform.
            LOG.warn("Fleet page: a login with a wrong token from {}", ctx.ip());
            html(ctx, 401, FleetHtml.login(t.get("wrongToken"), true, t));
            return;
        }
        setCookie(ctx, sessions.issue(), sessions.lifetime().toSeconds());
        ctx.header("Location", PAGE + "?lang=" + t.param());
        ctx.status(303);
    }

    /** A login form is a token and nothing more: a body beyond this is refused while it is read (413). */
    static final int MAX_LOGIN_BYTES = 4 * 1024;

    /**
     * One field of the form, read (by the caller) within {@link #MAX_LOGIN_BYTES} whether the body is sized or
     * chunked (Javalin's form reader takes a chunked body of any size); null if absent or malformed.
     */
    static String formField(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
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
