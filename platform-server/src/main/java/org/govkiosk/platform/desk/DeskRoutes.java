package org.govkiosk.platform.desk;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.RatingLedgerEntry;
import org.govkiosk.platform.http.ApiException;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.StaffAuth;
import org.govkiosk.platform.http.StaffRoutes;
import org.govkiosk.platform.pads.RatingRequestService;
import org.govkiosk.platform.ratings.RatingLedger;
import org.govkiosk.platform.store.CaseStore;
import org.govkiosk.platform.store.NotFoundException;
import org.govkiosk.platform.store.StorageException;
import org.govkiosk.platform.store.TerminalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clerk's case-work page: {@code GET /desk} is a hall's queue (filters by state, overdue, 容缺 overdue and case
 * number) with a case's detail beside it; {@code POST /desk/cases/{number}/{verb}} does what the clerk endpoints do
 * (accept, 补正 naming materials, review, approve, refuse with the 不予受理 particulars, return, deferred materials
 * received, issue the certificate, ask the window's pad for a rating) through the same stores and services;
 * {@code GET /desk/ledger} and {@code POST /desk/ledger/act} are the bad-rating ledger; {@code POST /desk/window}
 * keeps the clerk's window. For people signed in with their staff accounts ({@link DeskAuth} over
 * {@link StaffAuth}: {@code /staff/login}, and {@code /staff/logout} to leave): clerks and hall administrators work
 * the cases of their halls, supervisors read them and work the ledger, technicians are sent away; another hall's case
 * is answered as not found. Every POST carries the staff session's form token, and every change is audited by
 * {@link StaffAuth#audit} after the request. Served beside the API, not in its route table, like the fleet page: a
 * page for people, not part of the terminal-platform contract.
 */
public final class DeskRoutes {

    public static final String PAGE = "/desk";
    public static final String WINDOW = "/desk/window";
    public static final String LEDGER = "/desk/ledger";
    public static final String LEDGER_ACT = "/desk/ledger/act";
    public static final String CASE_ACTION = "/desk/cases/{caseNumber}/{verb}";
    public static final String EVENTS = "/desk/events";
    public static final String SCRIPT = "/desk/live.js";

    /** A form of the desk is a few fields of text: a body beyond this is refused while it is read. */
    static final int MAX_FORM_BYTES = 64 * 1024;
    static final int MAX_WINDOW_BYTES = 4 * 1024;
    static final int QUEUE_LIMIT = 200;
    /** The cases of a hall read for its queue (newest first): more than a hall's open work. */
    static final int HALL_LIMIT = 1000;

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

    /**
     * Serves the desk on {@code app}, on the same stores and services as the clerk endpoints, signed in with the
     * staff accounts of {@code support}'s {@link StaffAuth}.
     */
    public static void install(Javalin app, RouteSupport support, CaseStore cases, TerminalStore terminals,
            RatingLedger ledger, RatingRequestService ratingRequests) {
        DeskAuth auth = new DeskAuth(support.auth().staff());
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
        app.post(WINDOW, this::window);
        app.post(CASE_ACTION, this::caseAction);
        app.post(LEDGER_ACT, this::ledgerAct);
    }

    static String caseAction(String number, String verb) {
        return "/desk/cases/" + DeskFilter.enc(number).replace("+", "%20") + "/" + verb;
    }

    private static DeskText lang(Context ctx, String fromForm) {
        return DeskText.choose(fromForm != null ? fromForm : ctx.queryParam("lang"), ctx.header("Accept-Language"));
    }

    /**
     * The signed-in staff member who may open the desk, or an answer already given: 429 while the client is locked
     * out, 401 with the staff sign-in link when not signed in (or only with the machine token), 403 for a role that
     * has no business here (a technician).
     */
    private Optional<DeskAuth.Clerk> signedIn(Context ctx, DeskText t) {
        Optional<DeskAuth.Clerk> who;
        try {
            who = auth.who(ctx);
        } catch (ApiException e) {
            if (e.status() != 429) {
                throw e;
            }
            html(ctx, 429, DeskHtml.signIn(t.format("lockedOut", retryAfter(ctx)), t));
            return Optional.empty();
        }
        if (who.isEmpty()) {
            html(ctx, 401, DeskHtml.signIn(null, t));
            return Optional.empty();
        }
        if (!auth.mayOpen(who.get())) {
            html(ctx, 403, DeskHtml.refused(t.get("roleRefused"), t));
            return Optional.empty();
        }
        return who;
    }

    private static long retryAfter(Context ctx) {
        try {
            return Long.parseLong(String.valueOf(ctx.res().getHeader("Retry-After")));
        } catch (NumberFormatException e) {
            return 60;
        }
    }

    /** The shell of the page: who, their form token, and their own halls to pick from (only theirs). */
    private DeskHtml.Shell shell(Context ctx, DeskAuth.Clerk clerk, DeskText t) {
        return new DeskHtml.Shell(clerk, auth.csrf(ctx), List.copyOf(clerk.member().halls()), s.zone(), t);
    }

    private void page(Context ctx) {
        DeskText t = lang(ctx, null);
        try {
            Optional<DeskAuth.Clerk> who = signedIn(ctx, t);
            if (who.isPresent()) {
                String done = ctx.queryParam("done");
                DeskHtml.Message m = done != null && (DeskForms.VERBS.contains(done) || done.equals("window"))
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
        DeskHtml.Shell shell = shell(ctx, clerk, t);
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
        // Only the member's halls: a hall asked for that is not theirs falls back to their first.
        String askedHall = asked.hall() != null && auth.may(clerk, DeskAction.VIEW, asked.hall()) ? asked.hall()
                : null;
        String hall = askedHall != null ? askedHall : caseHall != null && auth.may(clerk, DeskAction.VIEW, caseHall)
                ? caseHall : shell.halls().isEmpty() ? null : shell.halls().get(0);
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
            html(ctx, 404, DeskHtml.refused(t.get("err.forbidden"), t));
            return;
        }
        if (!org.govkiosk.platform.http.AcceptHeader.accepts(ctx.header("Accept"), "text/event-stream")) {
            ctx.status(406).contentType("text/plain; charset=utf-8").result("Accept: text/event-stream");
            return;
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        live.open(ctx, hall, auth.staff().stillSignedIn(ctx));
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
        if (!auth.csrfMatches(ctx, form.one("csrf"))) {
            LOG.warn("Desk: a form without this session's token for case {} ({}) from {}", number, verb, ctx.ip());
            render(ctx, 403, clerk, t, back, number, new DeskHtml.Message(t.get("err.csrf"), true), echo);
            return;
        }
        try {
            // Another hall's case is answered as if it did not exist, as the API does; the hall goes to the audit.
            auth.staff().requireCase(ctx, clerk.member(), number);
        } catch (NotFoundException e) {
            render(ctx, 404, clerk, t, back, number, new DeskHtml.Message(t.format("noSuchCase", number), true), echo);
            return;
        }
        try {
            DeskActions.Done done = actions.onCase(clerk, number, verb, form, t, (action, hall) -> auth.may(clerk,
                    action, hall));
            StaffAuth.detail(ctx, done.detail());
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
            html(ctx, 403, DeskHtml.refused(t.get("err.forbidden"), t));
            return;
        }
        // The entries of ratings in the member's halls only, as the API lists them.
        List<RatingLedgerEntry> entries = actions.ledger(overdue, hall -> auth.may(clerk, DeskAction.LEDGER, hall));
        html(ctx, status, DeskLedgerHtml.page(shell(ctx, clerk, t), overdue, entries, m, open, echo));
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
        if (!auth.csrfMatches(ctx, form.one("csrf"))) {
            LOG.warn("Desk: a ledger form without this session's token from {}", ctx.ip());
            renderLedger(ctx, 403, clerk, t, overdue, new DeskHtml.Message(t.get("err.csrf"), true),
                    form.one("ratingId"), echo);
            return;
        }
        try {
            if (!auth.may(clerk, DeskAction.LEDGER, null)) {
                throw new DeskActions.Refused(403, t.get("err.forbidden"));
            }
            String ratingId = form.text("ratingId");
            if (ratingId != null) {
                try {
                    // Another hall's rating is not found, as in the API; its hall goes to the audit.
                    auth.staff().requireRating(ctx, clerk.member(), ratingId);
                } catch (NotFoundException e) {
                    throw new DeskActions.Refused(404, t.format("err.notFound", ratingId));
                }
            }
            StaffAuth.detail(ctx, actions.onLedger(clerk, form, t));
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

    /**
     * The clerk's window ("my window"): kept in the desk cookie, for the page's header and the pad to ask for a
     * rating; at most {@value DeskAuth#MAX_WINDOW} characters, blank to forget it. Not a security decision.
     */
    private void window(Context ctx) {
        DeskForm form;
        try {
            form = DeskForm.parse(s.bodies().read(ctx, MAX_WINDOW_BYTES));
        } catch (ApiException e) {
            ctx.status(e.status()).contentType("text/plain; charset=utf-8").result(e.getMessage());
            return;
        }
        DeskText t = lang(ctx, form.one("lang"));
        Optional<DeskAuth.Clerk> who = signedIn(ctx, t);
        if (who.isEmpty()) {
            return;
        }
        DeskFilter back = backFilter(form.one("back"));
        String window = form.one("window") == null ? "" : form.one("window").strip();
        if (!auth.csrfMatches(ctx, form.one("csrf"))) {
            LOG.warn("Desk: a window form without this session's token from {}", ctx.ip());
            render(ctx, 403, who.get(), t, back, null, new DeskHtml.Message(t.get("err.csrf"), true), Map.of());
            return;
        }
        if (!DeskAuth.validWindow(window)) {
            render(ctx, 400, who.get(), t, back, null, new DeskHtml.Message(t.format("err.window",
                    DeskAuth.MAX_WINDOW), true), Map.of());
            return;
        }
        DeskAuth.setWindow(ctx, window);
        StaffAuth.detail(ctx, window.isEmpty() ? "window forgotten" : "window " + window);
        ctx.header("Location", PAGE + "?" + back.query(t) + "&done=window");
        ctx.status(303);
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
