package org.govkiosk.platform.fleet;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Optional;
import org.govkiosk.platform.http.AcceptHeader;
import org.govkiosk.platform.http.ApiException;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.StaffAuth;
import org.govkiosk.platform.staff.Role;
import org.govkiosk.platform.staff.StaffMember;
import org.govkiosk.platform.store.StorageException;
import org.govkiosk.platform.store.TerminalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technicians' fleet page: {@code GET /fleet} shows one card per terminal with its alarms, heartbeat, outbox,
 * devices and the commands to run next, built for a phone first; {@code /fleet/events} pushes the cards to the open
 * page as Server-Sent Events ({@link FleetLive}; the page can pause them), and {@code /fleet/live.js} is the page's
 * only script. Chinese or English ({@code ?lang=}, else Accept-Language); filters by hall and alarm
 * ({@code ?hall=&alarm=}). For technicians, supervisors and hall administrators signed in with their staff accounts
 * ({@link StaffAuth}: the session cookie from {@code /staff/login}, or a bearer session token), who see the
 * terminals of their own halls only; the machine token (scripts) sees every hall. Served beside the API, not in its
 * route table: it is a page for people, not part of the terminal-platform contract the OpenAPI document describes.
 */
public final class FleetRoutes {

    public static final String PAGE = "/fleet";
    public static final String EVENTS = "/fleet/events";
    public static final String SCRIPT = "/fleet/live.js";
    /** Who may see the fleet. */
    static final Role[] ROLES = {Role.TECHNICIAN, Role.SUPERVISOR, Role.HALL_ADMIN};

    private static final Logger LOG = LoggerFactory.getLogger(FleetRoutes.class);
    // Only the platform's own script file runs (no inline script, no eval), so even a value that slipped past
    // escaping stays inert; the page may connect to its own event stream only.
    private static final String CSP = "default-src 'none'; script-src 'self'; connect-src 'self';"
            + " style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final RouteSupport s;
    private final TerminalStore terminals;
    private final StaffAuth staff;
    private final FleetAlarms alarms;
    private final FleetLive live;

    FleetRoutes(RouteSupport support, TerminalStore terminals, FleetSettings settings) {
        this.s = support;
        this.terminals = terminals;
        this.staff = support.auth().staff();
        this.alarms = new FleetAlarms(settings);
        this.live = new FleetLive(terminals, alarms, support.clock(), support.zone(), settings.liveInterval());
    }

    /** Serves the page on {@code app} with the default settings. */
    public static void install(Javalin app, RouteSupport support, TerminalStore terminals) {
        FleetRoutes routes = new FleetRoutes(support, terminals, FleetSettings.defaults());
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
    }

    private static FleetText lang(Context ctx) {
        return FleetText.choose(ctx.queryParam("lang"), ctx.header("Accept-Language"));
    }

    /** The query's filter, kept to the halls of {@code who}. */
    private static FleetFilter filter(Context ctx, StaffMember who) {
        return FleetFilter.of(ctx.queryParam("hall"), ctx.queryParam("alarm")).within(StaffAuth.scope(who));
    }

    /**
     * The staff member who may see the fleet, or empty after answering for one who may not: 429 while locked out,
     * 401 with the sign-in link when not signed in, 403 for another role.
     */
    private Optional<StaffMember> allowed(Context ctx, FleetText t) {
        Optional<StaffMember> who;
        try {
            who = staff.current(ctx);
        } catch (ApiException e) {
            if (e.status() != 429) {
                throw e;
            }
            html(ctx, 429, FleetHtml.message(String.format(java.util.Locale.ROOT, t.get("lockedOut"),
                    Long.parseLong(ctx.res().getHeader("Retry-After"))), t));
            return Optional.empty();
        }
        if (who.isEmpty()) {
            html(ctx, 401, FleetHtml.signIn(t));
            return Optional.empty();
        }
        if (!who.get().hasRole(ROLES)) {
            html(ctx, 403, FleetHtml.message(t.get("roleRefused"), t));
            return Optional.empty();
        }
        return who;
    }

    private void page(Context ctx) {
        FleetText t = lang(ctx);
        Optional<StaffMember> who = allowed(ctx, t);
        if (who.isEmpty()) {
            return;
        }
        try {
            var now = s.clock().instant();
            html(ctx, 200, FleetHtml.page(alarms.rows(terminals.all(), now), filter(ctx, who.get()), now, s.zone(), t,
                    who.get(), staff.csrfToken(ctx).orElse(null)));
        } catch (StorageException e) {
            LOG.warn("Fleet page: storage unavailable: {}", e.getMessage());
            html(ctx, 503, FleetHtml.unavailable(t));
        }
    }

    /** The page's event stream: the same sign-in as the page, and an Accept that takes an event stream. */
    private void events(Context ctx) {
        FleetText t = lang(ctx);
        Optional<StaffMember> who = allowed(ctx, t);
        if (who.isEmpty()) {
            return;
        }
        if (!AcceptHeader.accepts(ctx.header("Accept"), "text/event-stream")) {
            ctx.status(406).contentType("text/plain; charset=utf-8").result("Accept: text/event-stream");
            return;
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        live.open(ctx, filter(ctx, who.get()), t, staff.stillSignedIn(ctx));
    }

    /** The page's one script; public (it holds nothing). */
    private void script(Context ctx) {
        ctx.status(200);
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("text/javascript; charset=utf-8");
        ctx.result(FleetHtml.SCRIPT);
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
