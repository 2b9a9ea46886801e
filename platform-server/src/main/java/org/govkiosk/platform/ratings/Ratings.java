package org.govkiosk.platform.ratings;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.RouteTable;
import org.govkiosk.platform.sms.SmsGateway;
import org.govkiosk.platform.sms.OutboxSmsGateway;
import org.govkiosk.platform.sms.SmsRelay;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.RatingStore;
import org.govkiosk.shared.calendar.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 好差评 on the citizen's phone: the rating page behind the QR code and the invitation SMS, the signed links, the
 * 5-working-day window and the default rating when it closes. {@link #install} is the one call the server makes;
 * a job ({@link #runOnce()}, every {@link RatingSettings#jobInterval()}) invites, closes windows and sends the SMS
 * outbox on.
 */
public final class Ratings implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ratings.class);

    private final RatingLinks links;
    private final RatingWindow window;
    private final OutboxSmsGateway outbox;
    private final Optional<SmsRelay> relay;
    private final ScheduledExecutorService jobs;
    private final java.time.ZoneId zone;
    private final RatingLedger ledger;

    private Ratings(RatingLinks links, RatingWindow window, OutboxSmsGateway outbox, Optional<SmsRelay> relay,
            ScheduledExecutorService jobs, java.time.ZoneId zone, RatingLedger ledger) {
        this.zone = zone;
        this.ledger = ledger;
        this.links = links;
        this.window = window;
        this.outbox = outbox;
        this.relay = relay;
        this.jobs = jobs;
    }

    /**
     * @param catalog the terminals' catalog.yaml (per-item questions, item names in English); empty: none
     * @param baseUrl where phones reach this platform (public-base-url), asked each time a link is made
     * @throws IllegalArgumentException if the catalog's rating-questions are wrong (every problem named)
     */
    public static Ratings install(RouteTable routes, Javalin app, RouteSupport support, Database database,
            RatingStore store, RatingSettings settings, WorkingCalendar calendar, Optional<Path> catalog,
            Supplier<String> baseUrl) {
        RatingQuestions questions = catalog.map(RatingQuestions::read).orElseGet(RatingQuestions::none);
        RatingLinks links = RatingLinks.of(database, support.clock().instant(), baseUrl);
        PhoneRatings phone = new PhoneRatings(database, store, support.bodies()::canonicalJson);
        new PhoneRatingRoutes(support, links, phone, questions).register(routes);
        OutboxSmsGateway outbox = new OutboxSmsGateway(database, support.clock());
        Optional<SmsRelay> relay = settings.sms().url().map(u -> new SmsRelay(outbox,
                SmsGateway.of(settings.sms()), settings.sms().maxAttempts()));
        RatingWindow window = new RatingWindow(database, links, outbox, calendar, support.clock(), support.zone(),
                settings, support.bodies()::canonicalJson);
        RatingLedger ledger = new RatingLedger(database, outbox, calendar, support.clock(), support.zone(),
                settings.smsSignature());
        new RatingLedgerRoutes(support, ledger).register(routes);
        // The pre-ledger work list answers from the ledger; what it recorded before is carried onto it once.
        LegacyFollowUps legacy = new LegacyFollowUps(database, ledger, support.zone());
        new LegacyFollowUpRoutes(support, legacy).register(routes);
        ledger.sync();
        int carried = legacy.carryOver();
        if (carried > 0) {
            LOG.info("{} follow-up(s) of bad ratings recorded before the ledger carried onto it", carried);
        }
        // 申诉复核, the window → department map, the period reports and the published results (issue 18).
        RatingPublications publications = new RatingPublications(database, support.clock());
        new RatingAppealRoutes(support, new RatingAppeals(database, support.clock()),
                new WindowDepartments(database, support.clock()), publications).register(routes);
        WindowDepartments windowDepartments = new WindowDepartments(database, support.clock());
        new WindowRatingRoutes(support, new WindowRatingLinks(links, database, support.clock(), support.zone(),
                baseUrl, window::lastDay), windowDepartments).register(routes);
        new PeriodReportRoutes(support, new PeriodReports(database, support.zone(), ledger::sync), publications,
                database).register(routes);
        ScheduledExecutorService jobs = null;
        if (settings.scheduled()) {
            jobs = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "rating-window");
                t.setDaemon(true);
                return t;
            });
        }
        Ratings ratings = new Ratings(links, window, outbox, relay, jobs, support.zone(), ledger);
        if (jobs != null) {
            long every = settings.jobInterval().toMillis();
            jobs.scheduleWithFixedDelay(ratings::runSafely, every, every, TimeUnit.MILLISECONDS);
        }
        app.events(e -> e.serverStopping(ratings::close));
        return ratings;
    }

    /**
     * Checks the catalog's rating-questions, so that a mistake stops the start with the configuration's errors.
     *
     * @throws IllegalArgumentException naming every problem as {@code catalog.yaml: items[3].rating-questions...}
     */
    public static void checkCatalog(Path catalog) {
        RatingQuestions.read(catalog);
    }

    /** The receipt of a newly filed case with the case's rating link (评价二维码 on the 受理回执). */
    public CaseReceipt withRatingLink(CaseSubmission submission, CaseReceipt receipt) {
        if (submission.practice()) {
            return receipt; // a practice case is rated by nobody: its ratings would count in the hall's statistics
        }
        LocalDate from = receipt.promisedDate() != null ? receipt.promisedDate()
                : receipt.acceptedAt().atZone(zone).toLocalDate();
        RatingLink link = new RatingLink(receipt.caseNumber(), RatingWindow.CASE_CONTACT, null,
                submission.itemCode(), window.lastDay(from), RatingLink.Source.QR);
        return receipt.withRatingUrl(links.url(link));
    }

    /** What one run of the job did. */
    public record Run(int invited, int smsQueued, int defaulted, int smsSent) {
    }

    /** Invites the contacts served since, records the defaults of windows closed, sends the SMS outbox on. */
    public Run runOnce() {
        RatingWindow.Run run = window.runOnce();
        int sent = relay.map(SmsRelay::runOnce).orElse(0);
        return new Run(run.invited(), run.smsQueued(), run.defaulted(), sent);
    }

    private void runSafely() {
        try {
            Run run = runOnce();
            if (run.invited() + run.defaulted() + run.smsSent() > 0) {
                LOG.info("Rating window: {} contact(s) invited ({} SMS), {} default rating(s), {} SMS sent",
                        run.invited(), run.smsQueued(), run.defaulted(), run.smsSent());
            }
        } catch (RuntimeException e) {
            LOG.warn("Rating window run failed; the next run tries again", e);
        }
    }

    /** The 回访整改 ledger of bad ratings, for the clerk desk's page as for its endpoints. */
    public RatingLedger ledger() {
        return ledger;
    }

    /** The platform's SMS gateway (the outbox), for case notices too. */
    public OutboxSmsGateway sms() {
        return outbox;
    }

    /** What sends the outbox on to the operator (one gateway, one SMPP session, for case notices too). */
    public Optional<SmsRelay> relay() {
        return relay;
    }

    @Override
    public void close() {
        if (jobs != null) {
            jobs.shutdownNow();
        }
        relay.ifPresent(SmsRelay::close);
    }
}
