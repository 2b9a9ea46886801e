package org.govkiosk.platform.desk;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.RatingLedgerEntry;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.http.ApiException;
import org.govkiosk.platform.http.LoginThrottle;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.pads.RatingRequestService;
import org.govkiosk.platform.ratings.RatingLedger;
import org.govkiosk.platform.store.CaseStore;
import org.govkiosk.platform.store.SessionRevocations;
import org.govkiosk.platform.store.StorageException;
import org.govkiosk.platform.store.TerminalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clerk's case-work page: {@code GET /desk} is a hall's queue (filters by state, overdue, 容缺 overdue and case
 * number) with a case's detail beside it; {@code POST /desk/cases/{number}/{verb}} does what the clerk endpoints do
 * (accept, 补正 naming materials, review, approve, refuse with the 不予受理 particulars, return, deferred materials
 * received, issue the certificate, ask the window's pad for a rating) through the same stores and services;
 * {@code GET /desk/ledger} and {@code POST /desk/ledger/act} are the bad-rating ledger. Signed in by {@link DeskAuth}
 * (the one seam to swap for staff accounts); every POST carries the session's form token. Served beside the API,
 * not in its route table, like the fleet page: a page for people, not part of the terminal-platform contract.
 */
public final class DeskRoutes {

    public static final String PAGE = "/desk";
    public static final String LOGIN = "/desk/login";
    public static final String LOGOUT = "/desk/logout";
    public static final String LEDGER = "/desk/ledger";
    public static final String LEDGER_ACT = "/desk/ledger/act";
    public static final String CASE_ACTION = "/desk/cases/{caseNumber}/{verb}";
    public static final String EVENTS = "/desk/events";
    public static final String SCRIPT = "/desk/live.js";

    /** A form of the desk is a few fields of text: a body beyond this is refused while it is read. */
    static final int MAX_FORM_BYTES = 64 * 1024;
    static final int MAX_LOGIN_BYTES = 4 * 1024;
    static final int QUEUE_LIMIT = 200;
    /** The cases of a hall read for its queue (newest first): more than a hall's open work. */
    static final int HALL_LIMIT = 1000;
    static final Duration SESSION = Duration.ofHours(10);

    private static final Logger LOG = LoggerFactory.getLogger(DeskRoutes.class);
    // Only the platform's own script file runs (no inline script), connecting to its own event stream; forms post
    // to the platform only; nobody frames the page.
    private static final String CSP = "default-src 'none'; script-src 'self'; connect-src 'self';"
            + " style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String LIVE_SCRIPT = DeskHtml.resource("desk-live.js");

    private final RouteSupport s;
    private final CaseStore cases;
    private final TerminalStore terminals;
    private final DeskAuth auth;
    private final DeskActions actions;
    private final DeskLive live;

    DeskRoutes(RouteSupport support, CaseStore cases, TerminalStore terminals, DeskAuth auth, DeskActions actions) {
        this.s = support;
        this.cases = cases;
        this.terminals = terminals;
        this.auth = auth;
        this.actions = actions;
        this.live = new DeskLive(this::hallQueue, DeskLive.interval());
    }

    /** Serves the desk on {@code app}, on the same stores and services as the clerk endpoints. */
    public static void install(Javalin app, RouteSupport support, CaseStore cases, TerminalStore terminals,
            RatingLedger ledger, RatingRequestService ratingRequests, PlatformConfig config,
            SessionRevocations revocations) {
        DeskAuth auth = new DeskAuth(config.clerkToken(), support.clock(), SESSION, revocations);
        DeskRoutes routes = new DeskRoutes(support, cases, terminals, auth, new DeskActions(support, cases, ledger,
                ratingRequests));
        routes.register(app);
        // Open streams would hold Jetty's stop until they time out; end them (and the pusher) first.
        app.events(e -> e.serverStopping(routes.live::close));
    }

    void register(Javalin app) {
        app.get(PAGE, this::page);
        // HEAD runs the same checks as GET (Jetty drops the body): never a 200 without a session.
        app.head(PAGE, this::page);
        app.get(LEDGER, this::ledger);
        app.head(LEDGER, this::ledger);
        app.get(EVENTS, this::events);
        app.get(SCRIPT, this::script);
        app.post(LOGIN, this::login);
        app.post(LOGOUT, this::logout);
        app.post(CASE_ACTION, this::caseAction);
        app.post(LEDGER_ACT, this::ledgerAct);
    }

    static String caseAction(String number, String verb) {
        return "/desk/cases/" + DeskFilter.enc(number).replace("+", "%20") + "/" + verb;
    }

    private static DeskText lang(Context ctx, String fromForm) {
        return DeskText.choose(fromForm != null ? fromForm : ctx.queryParam("lang"), ctx.header("Accept-Language"));
    }

    /** The signed-in clerk, or an answer (off, not signed in) already given. */
    private Optional<DeskAuth.Clerk> signedIn(Context ctx, DeskText t) {
        if (!auth.enabled()) {
            html(ctx, 403, DeskHtml.login(t.get("off"), false, t));
            return Optional.empty();
        }
        Optional<DeskAuth.Clerk> who = auth.who(ctx);
        if (who.isEmpty()) {
            html(ctx, 401, DeskHtml.login(null, true, t));
        }
        return who;
    }

    private DeskHtml.Shell shell(DeskAuth.Clerk clerk, DeskText t) {
        TreeSet<String> halls = new TreeSet<>();
        terminals.all().forEach(ts -> {
            if (ts.hallCode() != null) {
                halls.add(ts.hallCode());
            }
        });
        return new DeskHtml.Shell(clerk, auth.csrf(clerk), List.copyOf(halls), s.zone(), t);
    }

    private void page(Context ctx) {
        DeskText t = lang(ctx, null);
        try {
            Optional<DeskAuth.Clerk> who = signedIn(ctx, t);
            if (who.isPresent()) {
                String done = ctx.queryParam("done");
                DeskHtml.Message m = done != null && DeskForms.VERBS.contains(done)
                        ? new DeskHtml.Message(done.equals("rating") ? t.format("done.rating", reached(ctx))
                                : t.get("done." + done), false) : null;
                render(ctx, 200, who.get(), t, filter(ctx), ctx.queryParam("case"), m, Map.of());
            }
        } catch (StorageException e) {
            LOG.warn("Desk: storage unavailable: {}", e.getMessage());
            html(ctx, 503, DeskHtml.unavailable(t));
        }
    }

    private static int reached(Context ctx) {
        try {
            return Math.max(0, Integer.parseInt(String.valueOf(ctx.queryParam("reached"))));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static DeskFilter filter(Context ctx) {
        return DeskFilter.of(ctx.queryParam("hall"), ctx.queryParam("state"), ctx.queryParam("overdue"),
                ctx.queryParam("deferralOverdue"), ctx.queryParam("q"));
    }

    /** The page with the queue of the filter's hall and, if asked, a case beside it. */
    private void render(Context ctx, int status, DeskAuth.Clerk clerk, DeskText t, DeskFilter asked, String number,
            DeskHtml.Message m, Map<String, String> echo) {
        DeskHtml.Shell shell = shell(clerk, t);
        DeskHtml.Detail detail = null;
        String caseHall = null;
        if (number != null && !number.isBlank() && number.length() <= 64) {
            Optional<CaseView> view = cases.find(number, s.today());
            caseHall = cases.hallOf(number).orElse(null);
            if (view.isPresent() && auth.may(clerk, DeskAction.VIEW, caseHall)) {
                detail = new DeskHtml.Detail(number, view.get(), cases.submission(number).orElse(null), caseHall,
                        echo);
            } else {
                status = status == 200 ? 404 : status;
                detail = new DeskHtml.Detail(number, null, null, "", echo);
                m = m != null ? m : new DeskHtml.Message(t.format("noSuchCase", number), true);
            }
        }
        String hall = asked.hall() != null ? asked.hall() : caseHall != null ? caseHall
                : shell.halls().isEmpty() ? null : shell.halls().get(0);
        DeskFilter f = asked.withHall(hall);
        List<CaseView> all = hall == null || !auth.may(clerk, DeskAction.VIEW, hall) ? List.of() : hallQueue(hall);
        List<CaseView> queue = f.apply(all).stream().limit(QUEUE_LIMIT).toList();
        html(ctx, status, DeskHtml.page(shell, f, queue, detail, m, hall == null ? null : DeskLive.digest(all)));
    }

    /** Every case of a hall the queue may show, newest first (the filter then applies on the page's side). */
    private List<CaseView> hallQueue(String hall) {
        return cases.listInHall(Optional.empty(), hall, HALL_LIMIT, s.today());
    }

    /** The page's event stream of its hall: the same session as the page, and an Accept that takes a stream. */
    private void events(Context ctx) {
        DeskText t = lang(ctx, null);
        Optional<DeskAuth.Clerk> who = signedIn(ctx, t);
        if (who.isEmpty()) {
            return;
        }
        String hall = ctx.queryParam("hall");
        if (hall == null || hall.isBlank() || hall.length() > 64) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result("hall: the hall of the queue");
            return;
        }
        if (!auth.may(who.get(), DeskAction.VIEW, hall)) {
            html(ctx, 403, DeskHtml.login(t.get("err.forbidden"), false, t));
            return;
        }
        if (!org.govkiosk.platform.http.AcceptHeader.accepts(ctx.header("Accept"), "text/event-stream")) {
            ctx.status(406).contentType("text/plain; charset=utf-8").result("Accept: text/event-stream");
            return;
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        live.open(ctx, hall);
    }

    /** The page's one script; public (it holds nothing). */
    private void script(Context ctx) {
        ctx.status(200);
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("text/javascript; charset=utf-8");
        ctx.result(LIVE_SCRIPT);
    }

    private void caseAction(Context ctx) {
        DeskForm form;
        // The certificate's form carries a PDF (multipart, within the certificate limit); the others a few fields.
        boolean upload = "certificate".equals(ctx.pathParam("verb"));
        try {
            byte[] body = s.bodies().read(ctx, upload ? s.maxCertificateBytes() + MAX_FORM_BYTES : MAX_FORM_BYTES);
            form = upload ? DeskForm.multipart(body, ctx.contentType()) : DeskForm.parse(body);
        } catch (ApiException e) {
            ctx.status(e.status()).contentType("text/plain; charset=utf-8").result(e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result("malformed form: " + e.getMessage());
            return;
        }
        DeskText t = lang(ctx, form.one("lang"));
        Optional<DeskAuth.Clerk> who = signedIn(ctx, t);
        if (who.isEmpty()) {
            return;
        }
        DeskAuth.Clerk clerk = who.get();
        String number = ctx.pathParam("caseNumber");
        String verb = ctx.pathParam("verb");
        DeskFilter back = backFilter(form.one("back"));
        Map<String, String> echo = form.echo("verb:" + verb);
        if (!auth.csrfMatches(clerk, form.one("csrf"))) {
            LOG.warn("Desk: a form without this session's token for case {} ({}) from {}", number, verb, ctx.ip());
            render(ctx, 403, clerk, t, back, number, new DeskHtml.Message(t.get("err.csrf"), true), echo);
            return;
        }
        try {
            DeskActions.Done done = actions.onCase(clerk, number, verb, form, t, (action, hall) -> auth.may(clerk,
                    action, hall));
            ctx.header("Location", PAGE + "?" + back.query(t) + "&case=" + DeskFilter.enc(number) + "&done=" + verb
                    + (done.reached() >= 0 ? "&reached=" + done.reached() : "") + "#detail");
            ctx.status(303);
        } catch (DeskActions.Refused r) {
            render(ctx, r.status(), clerk, t, back, number, new DeskHtml.Message(r.getMessage(), true), echo);
        } catch (StorageException e) {
            LOG.warn("Desk: storage unavailable: {}", e.getMessage());
            html(ctx, 503, DeskHtml.unavailable(t));
        }
    }

    private void ledger(Context ctx) {
        DeskText t = lang(ctx, null);
        try {
            Optional<DeskAuth.Clerk> who = signedIn(ctx, t);
            if (who.isPresent()) {
                DeskHtml.Message m = "ledger".equals(ctx.queryParam("done"))
                        ? new DeskHtml.Message(t.get("done.ledger"), false) : null;
                renderLedger(ctx, 200, who.get(), t, "1".equals(ctx.queryParam("overdue")), m, null, Map.of());
            }
        } catch (StorageException e) {
            LOG.warn("Desk: storage unavailable: {}", e.getMessage());
            html(ctx, 503, DeskHtml.unavailable(t));
        }
    }

    private void renderLedger(Context ctx, int status, DeskAuth.Clerk clerk, DeskText t, boolean overdue,
            DeskHtml.Message m, String open, Map<String, String> echo) {
        if (!auth.may(clerk, DeskAction.LEDGER, null)) {
            html(ctx, 403, DeskHtml.login(t.get("err.forbidden"), false, t));
            return;
        }
        List<RatingLedgerEntry> entries = actions.ledger(overdue);
        html(ctx, status, DeskLedgerHtml.page(shell(clerk, t), overdue, entries, m, open, echo));
    }

    private void ledgerAct(Context ctx) {
        DeskForm form;
        try {
            form = DeskForm.parse(s.bodies().read(ctx, MAX_FORM_BYTES));
        } catch (ApiException e) {
            ctx.status(e.status()).contentType("text/plain; charset=utf-8").result(e.getMessage());
            return;
        }
        DeskText t = lang(ctx, form.one("lang"));
        Optional<DeskAuth.Clerk> who = signedIn(ctx, t);
        if (who.isEmpty()) {
            return;
        }
        DeskAuth.Clerk clerk = who.get();
        boolean overdue = String.valueOf(form.one("back")).contains("overdue=1");
        Map<String, String> echo = form.echo(null);
        if (!auth.csrfMatches(clerk, form.one("csrf"))) {
            LOG.warn("Desk: a ledger form without this session's token from {}", ctx.ip());
            renderLedger(ctx, 403, clerk, t, overdue, new DeskHtml.Message(t.get("err.csrf"), true),
                    form.one("ratingId"), echo);
            return;
        }
        try {
            if (!auth.may(clerk, DeskAction.LEDGER, null)) {
                throw new DeskActions.Refused(403, t.get("err.forbidden"));
            }
            actions.onLedger(clerk, form, t);
            ctx.header("Location", LEDGER + "?lang=" + t.param() + (overdue ? "&overdue=1" : "") + "&done=ledger");
            ctx.status(303);
        } catch (DeskActions.Refused r) {
            renderLedger(ctx, r.status(), clerk, t, overdue, new DeskHtml.Message(r.getMessage(), true),
                    form.one("ratingId"), echo);
        } catch (StorageException e) {
            LOG.warn("Desk: storage unavailable: {}", e.getMessage());
            html(ctx, 503, DeskHtml.unavailable(t));
        }
    }

    /** The queue's filter a form came from: only the characters a query of {@link DeskFilter#query} has. */
    private static DeskFilter backFilter(String back) {
        if (back == null || back.length() > 400 || !back.matches("[A-Za-z0-9=&%._*+\\-]*")) {
            return DeskFilter.of(null, null, null, null, null);
        }
        Map<String, String> q = DeskForm.parse(back.getBytes(StandardCharsets.US_ASCII)).first();
        return DeskFilter.of(q.get("hall"), q.get("state"), q.get("overdue"), q.get("deferralOverdue"), q.get("q"));
    }

    private void login(Context ctx) {
        // Read (within its small limit) even when locked out: an unread body would end the connection.
        DeskForm form;
        try {
            form = DeskForm.parse(s.bodies().read(ctx, MAX_LOGIN_BYTES));
        } catch (ApiException e) {
            ctx.status(e.status()).contentType("text/plain; charset=utf-8").result(e.getMessage());
            return;
        }
        DeskText t = lang(ctx, form.one("lang"));
        if (!auth.enabled()) {
            html(ctx, 403, DeskHtml.login(t.get("off"), false, t));
            return;
        }
        var left = s.auth().throttle().lockedFor(ctx.ip());
        if (left.isPresent()) {
            long seconds = LoginThrottle.retryAfterSeconds(left.get());
            ctx.header("Retry-After", Long.toString(seconds));
            html(ctx, 429, DeskHtml.login(t.format("lockedOut", seconds), false, t));
            return;
        }
        if (!auth.tokenMatches(form.one("token"))) {
            s.auth().throttle().failed(ctx.ip());
            // The given text is never logged: it may be a real token typed into the wrong platform.
            LOG.warn("Desk: a sign-in with a wrong token from {}", ctx.ip());
            html(ctx, 401, DeskHtml.login(t.get("wrongToken"), true, t));
            return;
        }
        s.auth().throttle().succeeded(ctx.ip());
        String name = form.one("name") == null ? "" : form.one("name").strip();
        String window = form.one("window") == null ? "" : form.one("window").strip();
        if (name.isEmpty() || name.length() > DeskAuth.MAX_NAME || window.length() > DeskAuth.MAX_NAME) {
            html(ctx, 400, DeskHtml.login(t.get("needName"), true, t));
            return;
        }
        setCookie(ctx, auth.issue(name, window), auth.lifetime().toSeconds());
        LOG.info("Desk: {} signed in{}", name, window.isEmpty() ? "" : " at window " + window);
        ctx.header("Location", PAGE + "?lang=" + t.param());
        ctx.status(303);
    }

    private void logout(Context ctx) {
        DeskForm form;
        try {
            form = DeskForm.parse(s.bodies().read(ctx, MAX_LOGIN_BYTES));
        } catch (ApiException e) {
            form = DeskForm.parse(new byte[0]);
        }
        // Ended here, not only in this browser: a copy of the cookie is refused from now on.
        auth.revoke(ctx);
        setCookie(ctx, "", 0);
        ctx.header("Location", PAGE + "?lang=" + lang(ctx, form.one("lang")).param());
        ctx.status(303);
    }

    /** Secure whenever the request came over TLS: to this platform's HTTPS, or to the TLS proxy in front of it. */
    private static void setCookie(Context ctx, String value, long maxAgeSeconds) {
        ctx.header("Set-Cookie", DeskAuth.COOKIE + "=" + value + "; Path=" + PAGE + "; Max-Age=" + maxAgeSeconds
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
