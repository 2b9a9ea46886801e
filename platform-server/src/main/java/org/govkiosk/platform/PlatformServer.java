package org.govkiosk.platform;

import org.govkiosk.platform.config.Exposure;
import org.govkiosk.platform.config.PlatformConfig;
import io.javalin.Javalin;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.govkiosk.api.ApiError;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.ReceiptSigner;
import org.govkiosk.api.RequestVerifier;
import org.govkiosk.platform.cases.CaseDecisions;
import org.govkiosk.platform.cases.CaseNumbers;
import org.govkiosk.platform.cases.PromisedDates;
import org.govkiosk.platform.http.Auth;
import org.govkiosk.platform.http.Bodies;
import org.govkiosk.platform.http.CaseRoutes;
import org.govkiosk.platform.http.ClerkRoutes;
import org.govkiosk.platform.http.ConnectionsPerAddress;
import org.govkiosk.platform.http.ErrorHandling;
import org.govkiosk.platform.http.LoginThrottle;
import org.govkiosk.platform.http.RatingRoutes;
import org.govkiosk.platform.http.Responses;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.RouteTable;
import org.govkiosk.platform.http.TerminalRoutes;
import org.govkiosk.platform.store.CaseStore;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.JdbcNonceStore;
import org.govkiosk.platform.store.LicenceStore;
import org.govkiosk.platform.store.PlatformKeyStore;
import org.govkiosk.platform.store.RatingStore;
import org.govkiosk.platform.store.SupplementStore;
import org.govkiosk.platform.store.TerminalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference platform / hall gateway: the HTTP API of {@code govkiosk-platform.yaml} on Javalin (Jetty), over
 * H2 or PostgreSQL. Runs embedded (demo, tests: {@link #startEmbedded()}) or standalone ({@link #main}).
 */
public final class PlatformServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformServer.class);

    private final Javalin app;
    private final RouteTable routes;
    private final Database database;
    private final PlatformConfig config;
    private final java.security.PublicKey receiptKey;
    private final org.govkiosk.platform.certificates.IssuingBodies certificateBodies;
    private final org.govkiosk.platform.ratings.Ratings ratings;
    /** 承诺超时默认, run every {@link #DEADLINE_JOBS_EVERY} on a thread of its own; null when no item allows it. */
    private final org.govkiosk.platform.cases.DeemedApprovals deemedApprovals;
    private final java.util.concurrent.ScheduledExecutorService deadlineJobs;
    /** Set when a stop begins: the health check answers 503 so the balancer sends no more (see closeGracefully). */
    private final java.util.concurrent.atomic.AtomicBoolean draining;
    private final org.govkiosk.platform.pads.Pads pads;
    /** 容缺: cases whose deferred materials did not come by the deadline end as the commitment says. */
    private final org.govkiosk.platform.cases.DeferralDeadlines deferralDeadlines;

    /** How often the deadline jobs (承诺超时默认) look for cases due: a decision is at most this late. */
    static final java.time.Duration DEADLINE_JOBS_EVERY = java.time.Duration.ofMinutes(1);

    private PlatformServer(Javalin app, RouteTable routes, Database database, PlatformConfig config, Wiring wiring) {
        this.app = app;
        this.routes = routes;
        this.database = database;
        this.config = config;
        this.receiptKey = wiring.receiptKey();
        this.certificateBodies = wiring.certificateBodies();
        this.ratings = wiring.ratings();
        this.deemedApprovals = wiring.deemedApprovals();
        this.deferralDeadlines = wiring.deferralDeadlines();
        this.deadlineJobs = every(DEADLINE_JOBS_EVERY, "platform-deadline-jobs", "Deadline jobs (承诺超时默认, 容缺)",
                () -> {
                    deemedApprovals.runOnce();
                    deferralDeadlines.runOnce();
                });
        this.caseNotices = wiring.caseNotices();
        this.draining = wiring.draining();
        this.pads = wiring.pads();
        this.noticeJobs = wiring.noticesScheduled() ? every(NOTICE_JOBS_EVERY, "platform-case-notices", "Case notices",
                caseNotices::runOnce) : null;
        this.province = wiring.province();
        this.provinceJobs = province.linked() ? every(wiring.provinceEvery(), "platform-province-upward",
                "Upward delivery to the province", province::runOnce) : null;
    }

    /** Upward delivery to the provincial 好差评 system: its outbox sent on every province.interval-seconds. */
    private final org.govkiosk.platform.province.Province province;
    private final java.util.concurrent.ScheduledExecutorService provinceJobs;

    /** Sends the upward outbox now, as the platform does every province.interval-seconds when linked. */
    public org.govkiosk.platform.province.ProvinceSender.Run runProvinceDelivery() {
        return province.runOnce();
    }

    /** The upward outbox (dead letters, counts). */
    public org.govkiosk.platform.province.ProvinceOutbox provinceOutbox() {
        return province.outbox();
    }

    /** The citizens' SMS notices of their cases' states, sent on every {@link #NOTICE_JOBS_EVERY}. */
    private final org.govkiosk.platform.notices.CaseNoticeJob caseNotices;
    private final java.util.concurrent.ScheduledExecutorService noticeJobs;
    static final java.time.Duration NOTICE_JOBS_EVERY = java.time.Duration.ofSeconds(15);

    /**
     * Runs {@code job} every {@code period} on a daemon thread of its own. A round that fails is logged and the next
     * one tries again (the database may be back by then; what the job had not done is still waiting for it).
     */
    private static java.util.concurrent.ScheduledExecutorService every(java.time.Duration period, String thread,
            String what, Runnable job) {
        java.util.concurrent.ScheduledExecutorService jobs = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, thread);
                    t.setDaemon(true);
                    return t;
                });
        jobs.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.warn("{} failed this round: {}", what, e.toString());
            }
        }, period.toMillis(), period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return jobs;
    }

    /** Sends the citizens' SMS notices of their cases now, as the platform does every 15 seconds. */
    public org.govkiosk.platform.notices.CaseNoticeJob.Run runCaseNotices() {
        return caseNotices.runOnce();
    }

    /** What the routes were made with that callers may need: the receipts' and the certificates' keys. */
    private record Wiring(java.security.PublicKey receiptKey,
                          org.govkiosk.platform.certificates.IssuingBodies certificateBodies,
                          org.govkiosk.platform.ratings.Ratings ratings,
                          org.govkiosk.platform.cases.DeemedApprovals deemedApprovals,
                          org.govkiosk.platform.notices.CaseNoticeJob caseNotices, boolean noticesScheduled,
                          org.govkiosk.platform.province.Province province, java.time.Duration provinceEvery,
                          org.govkiosk.platform.pads.Pads pads, java.util.concurrent.atomic.AtomicBoolean draining,
                          org.govkiosk.platform.cases.DeferralDeadlines deferralDeadlines) {
    }

    /**
     * Runs the deadline jobs now, as the platform does every minute: records the default decision (承诺超时默认) of
     * every case due. Returns the numbers of the cases decided.
     */
    public java.util.List<String> runDeadlineJobs() {
        return deemedApprovals.runOnce();
    }

    /**
     * Runs the 容缺 deadline job now, as the platform does every minute with the other deadline jobs: ends every case
     * whose deferred materials are past their deadline (视为撤回). Returns the numbers of the cases ended.
     */
    public java.util.List<String> runDeferralDeadlines() {
        return deferralDeadlines.runOnce();
    }

    public static PlatformServer start(PlatformConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Opens the database (applying the schema) and starts serving.
     *
     * @throws org.govkiosk.platform.store.StorageException if the database cannot be opened
     */
    public static PlatformServer start(PlatformConfig config, Clock clock) {
        return start(config, org.govkiosk.platform.ratings.RatingSettings.defaults(), clock);
    }

    /** As {@link #start(PlatformConfig, Clock)}, with the rating window and the SMS gateway of {@code ratingSettings}. */
    public static PlatformServer start(PlatformConfig config,
            org.govkiosk.platform.ratings.RatingSettings ratingSettings, Clock clock) {
        return start(config, ratingSettings, java.util.Optional.empty(), clock);
    }

    /** As above, with the case notices' texts of platform.yaml's {@code case-notices} (empty: the built-in ones). */
    public static PlatformServer start(PlatformConfig config,
            org.govkiosk.platform.ratings.RatingSettings ratingSettings,
            java.util.Optional<org.govkiosk.platform.notices.NoticeTemplates> noticeTemplates, Clock clock) {
        return start(config, ratingSettings, noticeTemplates,
                org.govkiosk.platform.province.ProvinceSettings.none(), clock);
    }

    /** As above, linked to the provincial 好差评 system of platform.yaml's {@code province} section. */
    public static PlatformServer start(PlatformConfig config,
            org.govkiosk.platform.ratings.RatingSettings ratingSettings,
            java.util.Optional<org.govkiosk.platform.notices.NoticeTemplates> noticeTemplates,
            org.govkiosk.platform.province.ProvinceSettings provinceSettings, Clock clock) {
        Database database = Database.open(config.dbUrl(), config.dbUser().orElse(null),
                config.dbPassword().orElse(null));
        try {
            Javalin app = createApp(config);
            RouteTable routes = new RouteTable(app);
            java.util.concurrent.atomic.AtomicReference<String> ownBase = new java.util.concurrent.atomic
                    .AtomicReference<>();
            Wiring wiring = addRoutes(routes, app, config, ratingSettings, clock, database, ownBase::get,
                    noticeTemplates, provinceSettings);
            app.start(config.bindHost(), config.port());
            PlatformServer server = new PlatformServer(app, routes, database, config, wiring);
            ownBase.set(server.baseUrl());
            LOG.info("Platform server listening on {} ({})", server.baseUri(), config);
            return server;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Embedded on loopback, on a free port, with an in-memory database and fresh random enrolment and clerk
     * tokens (see {@link #enrolmentToken()}, {@link #clerkToken()}); what the kiosk demo uses.
     */
    public static PlatformServer startEmbedded() {
        return startEmbedded(org.govkiosk.api.CryptoSuite.ED25519_AES);
    }

    /** As {@link #startEmbedded()}, signing receipts under {@code suite} (the demo's terminal's own suite). */
    public static PlatformServer startEmbedded(org.govkiosk.api.CryptoSuite suite) {
        return startEmbedded(suite, PlatformConfig.Deadlines.none());
    }

    /**
     * As {@link #startEmbedded(org.govkiosk.api.CryptoSuite)}, promising dates from {@code deadlines} (the demo:
     * the terminal's own catalog and working calendar).
     */
    public static PlatformServer startEmbedded(org.govkiosk.api.CryptoSuite suite, PlatformConfig.Deadlines deadlines) {
        return start(PlatformConfig.embedded().withTokens(randomToken(), randomToken()).withCryptoSuite(suite)
                .withDeadlines(deadlines), Clock.systemUTC());
    }

    /** @return the keys the routes sign receipts and certificates with */
    private static Wiring addRoutes(RouteTable routes, Javalin app, PlatformConfig config,
            org.govkiosk.platform.ratings.RatingSettings ratingSettings, Clock clock,
            Database database, java.util.function.Supplier<String> ownBase,
            java.util.Optional<org.govkiosk.platform.notices.NoticeTemplates> noticeTemplates,
            org.govkiosk.platform.province.ProvinceSettings provinceSettings) {
        TerminalStore terminals = new TerminalStore(database);
        PromisedDates promisedDates = PromisedDates.of(config.deadlines());
        CaseStore cases = new CaseStore(database, promisedDates.calendar());
        RatingStore ratings = new RatingStore(database);
        LicenceStore licences = new LicenceStore(database);
        RequestVerifier verifier = new RequestVerifier(terminals::publicKey,
                new JdbcNonceStore(database, config.maxClockSkew().multipliedBy(2), clock), clock,
                config.maxClockSkew());
        LoginThrottle throttle = new LoginThrottle(config.exposure().maxFailedLogins(),
                config.exposure().loginLockout(), clock, new org.govkiosk.platform.store.LoginFailures(database));
        Auth auth = new Auth(verifier, config.enrolmentToken(), throttle, new org.govkiosk.platform.http.StaffAuth(
                config.clerkToken(), new org.govkiosk.platform.store.StaffAccounts(database),
                new org.govkiosk.platform.store.StaffSessions(database),
                new org.govkiosk.platform.store.StaffAudit(database), throttle, cases, clock,
                new org.govkiosk.platform.http.StaffAuth.Lifetimes(config.exposure().staffSessionIdle(),
                        config.exposure().staffSessionMax())));
        RouteSupport support = new RouteSupport(new Bodies(config.exposure().bodyReadTimeout()), auth, clock,
                config.zone(), config.maxBodyBytes(),
                config.maxCertificateBytes(), new org.govkiosk.platform.http.Halls(terminals, cases),
                new ReceiptSigner(PlatformKeyStore.receiptKeys(database, clock.instant(), config.cryptoSuite()),
                        clock));
        ErrorHandling.install(app);
        org.govkiosk.platform.certificates.SignedResults signed = new org.govkiosk.platform.certificates.SignedResults(
                org.govkiosk.platform.certificates.IssuingBodies.load(config.certificates(),
                        config.decisions().resultIssuer(), config.cryptoSuite()),
                () -> config.certificates().publicBaseUrl().orElseGet(() -> ownBase.get()));
        java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();
        routes.get(ApiPaths.HEALTH, ctx -> {
            if (draining.get()) {
                Responses.json(ctx, 503, new ApiError(ErrorCodes.SHUTTING_DOWN,
                        "this platform instance is stopping; another one serves", true));
                return;
            }
            boolean up = database.isReachable();
            Responses.json(ctx, up ? 200 : 503, up
                    ? Map.of("status", "UP", "time", clock.instant().toString())
                    : new ApiError(ErrorCodes.STORAGE_UNAVAILABLE,
                            "the platform's storage is unavailable; retry later", true));
        });
        new TerminalRoutes(support, terminals).register(routes);
        org.govkiosk.platform.pads.Pads pads = org.govkiosk.platform.pads.Pads.install(routes, app, support, database);
        org.govkiosk.platform.ops.PlatformMetrics metrics = org.govkiosk.platform.ops.PlatformMetrics.install(app,
                support);
        database.bindMetrics(metrics.registry());
        metrics.gauge("govkiosk_platform_pads_connected", "pad event streams open at this instance",
                pads::connectedPads);
        metrics.gauge("govkiosk_platform_terminals_active", "terminals heard from in the last 5 minutes",
                () -> activeTerminals(terminals, clock));
        org.govkiosk.platform.ratings.Ratings phoneRatings = org.govkiosk.platform.ratings.Ratings.install(routes, app,
                support, database, ratings, ratingSettings, promisedDates.calendar(), config.deadlines().catalog(),
                () -> config.certificates().publicBaseUrl().orElseGet(() -> ownBase.get()));
        CaseDecisions decisions = CaseDecisions.of(config.decisions().autoDecideImmediate()
                || !promisedDates.deemedApprovalItems().isEmpty(), config.decisions().resultIssuer(), config.zone(),
                config.decisions().resultFont(), signed);
        new CaseRoutes(support, cases, new CaseNumbers(config.caseNumberPrefix(), clock, config.zone()),
                promisedDates, new SupplementStore(database), config.decisions().autoDecideImmediate() ? decisions
                        : decisions.withoutImmediateDecisions())
                .withAttachments(new org.govkiosk.platform.store.AttachmentStore(database))
                .withIntakeConcurrency(config.exposure().intakeConcurrency())
                .withJointDepartments(config.deadlines().catalog()
                        .map(org.govkiosk.platform.cases.CatalogJointDepartments::read)
                        .orElseGet(org.govkiosk.platform.cases.CatalogJointDepartments::none))
                .withReceiptLinks(phoneRatings::withRatingLink).register(routes);
        new org.govkiosk.platform.http.IssuanceRoutes(support,
                new org.govkiosk.platform.store.IssuanceStore(database)).register(routes);
        new RatingRoutes(support, ratings, licences, pads.ratingGate()).register(routes);
        new ClerkRoutes(support, cases, licences, terminals).register(routes);
        new org.govkiosk.platform.http.StaffRoutes(support).register(routes, app);
        new org.govkiosk.platform.http.CertificateRoutes(support, signed.bodies(),
                new org.govkiosk.platform.store.CertificateRegistry(database), config.zone()).register(routes);
        org.govkiosk.platform.fleet.FleetRoutes.install(app, support, terminals);
        org.govkiosk.platform.desk.DeskRoutes.install(app, support, cases, terminals, phoneRatings.ledger(),
                pads.ratingRequests());
        org.govkiosk.platform.province.Province province = org.govkiosk.platform.province.Province.install(routes,
                support, database, provinceSettings, config.cryptoSuite(), config.deadlines().catalog(),
                config.maxClockSkew());
        metrics.gauge("govkiosk_platform_province_dead_letters", "upward deliveries given up, waiting for staff",
                () -> countOrMinusOne(() -> province.outbox().count("DEAD")));
        metrics.gauge("govkiosk_platform_province_pending", "upward deliveries not yet taken by the province",
                () -> countOrMinusOne(() -> province.outbox().count("PENDING") + province.outbox().count("SENDING")));
        return new Wiring(support.receipts().publicKey(), signed.bodies(), phoneRatings,
                new org.govkiosk.platform.cases.DeemedApprovals(cases, promisedDates.deemedApprovalItems(), clock,
                        config.zone(), decisions::deemedResult),
                caseNotices(database, phoneRatings, ratingSettings, noticeTemplates, clock),
                ratingSettings.scheduled(), province, provinceSettings.interval(), pads, draining,
                new org.govkiosk.platform.cases.DeferralDeadlines(cases, signed.bodies().signing().name(), clock,
                        config.zone()));
    }

    /** A count from the database, -1 while it does not answer. */
    private static int countOrMinusOne(java.util.function.IntSupplier count) {
        try {
            return count.getAsInt();
        } catch (org.govkiosk.platform.store.StorageException e) {
            return -1;
        }
    }

    /** The case notices go through the rating invitations' SMS outbox and gateway (sms-* keys). */
    private static org.govkiosk.platform.notices.CaseNoticeJob caseNotices(Database database,
            org.govkiosk.platform.ratings.Ratings ratings, org.govkiosk.platform.ratings.RatingSettings settings,
            java.util.Optional<org.govkiosk.platform.notices.NoticeTemplates> templates, Clock clock) {
        return new org.govkiosk.platform.notices.CaseNoticeJob(new org.govkiosk.platform.store.CaseNotices(database),
                ratings.sms(), ratings.relay(),
                templates.map(t -> t.withSignature(settings.smsSignature()))
                        .orElseGet(() -> org.govkiosk.platform.notices.NoticeTemplates.defaults(settings.smsSignature())),
                clock);
    }

    /** Terminals whose last heartbeat is under 5 minutes old (-1 while the database does not answer). */
    private static int activeTerminals(TerminalStore terminals, Clock clock) {
        java.time.Instant since = clock.instant().minus(java.time.Duration.ofMinutes(5));
        try {
            return (int) terminals.all().stream()
                    .filter(t -> t.lastHeartbeatAt() != null && t.lastHeartbeatAt().isAfter(since)).count();
        } catch (org.govkiosk.platform.store.StorageException e) {
            return -1;
        }
    }

    /** How long a stopping platform lets requests in flight finish: longer than any request takes when healthy. */
    static final java.time.Duration GRACEFUL_STOP = java.time.Duration.ofSeconds(10);

    private static Javalin createApp(PlatformConfig config) {
        return Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
            c.http.prefer405over404 = true;
            c.http.maxRequestSize = Math.max(config.maxCertificateBytes(),
                    org.govkiosk.platform.http.CaseRoutes.caseBodyLimit(config.maxBodyBytes()));
            c.http.disableCompression();
            c.jetty.modifyHttpConfiguration(http -> applyHttpSettings(http, config.exposure()));
            c.jetty.addConnector((server, httpConfig) -> config.tlsKeystore().isPresent()
                    ? tlsConnector(server, httpConfig, config)
                    : limited(new ServerConnector(server, new HttpConnectionFactory(httpConfig)), config));
        });
    }

    /**
     * The platform's HTTP settings (a test's stand-in server takes them too). Handlers run as soon as the headers are
     * in, not once some body has come: a request without valid credentials is refused at once instead of being held
     * until its (maybe never sent) body arrives. A body that has begun must keep up a minimum rate (else 408), so a
     * trickle cannot hold a thread.
     */
    public static void applyHttpSettings(HttpConfiguration http, Exposure exposure) {
        http.setDelayDispatchUntilContent(false);
        http.setMinRequestDataRate(exposure.minRequestDataRate());
        if (exposure.behindTlsProxy()) {
            // The proxy names the client (for limits and logs) and the scheme (https: Secure cookies).
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
    }

    private static Connector tlsConnector(Server server, HttpConfiguration httpConfig, PlatformConfig config) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(config.tlsKeystore().orElseThrow().toAbsolutePath().toString());
        ssl.setKeyStorePassword(config.tlsKeystorePassword().orElseThrow());
        ssl.setKeyStoreType("PKCS12");
        HttpConfiguration https = new HttpConfiguration(httpConfig);
        https.setDelayDispatchUntilContent(false);
        https.addCustomizer(new SecureRequestCustomizer(false));
        return limited(new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https)), config);
    }

    /** On the configured address, with at most so many connections per client address. */
    private static Connector limited(ServerConnector connector, PlatformConfig config) {
        connector.setHost(config.bindHost());
        connector.setPort(config.port());
        if (config.exposure().maxConnectionsPerAddress() > 0) {
            connector.addBean(new ConnectionsPerAddress(config.exposure().maxConnectionsPerAddress()));
        }
        return connector;
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Jetty itself, for tests that watch requests in flight. */
    Server jetty() {
        return app.jettyServer().server();
    }

    public int port() {
        Connector connector = app.jettyServer().server().getConnectors()[0];
        return ((ServerConnector) connector).getLocalPort();
    }

    public URI baseUri() {
        String scheme = config.tlsKeystore().isPresent() ? "https" : "http";
        String host = config.bindHost().contains(":") ? "[" + config.bindHost() + "]" : config.bindHost();
        if ("0.0.0.0".equals(host)) {
            host = "127.0.0.1";
        }
        return URI.create(scheme + "://" + host + ":" + port());
    }

    /** Same as {@link #baseUri()}, as text (kept for existing callers). */
    public String baseUrl() {
        return baseUri().toString();
    }

    /** The routes this server serves (method and path template). */
    public java.util.List<RouteTable.Route> routes() {
        return routes.routes();
    }

    /** The token a technician needs to register a terminal; empty if registration is closed. */
    public java.util.Optional<String> enrolmentToken() {
        return config.enrolmentToken();
    }

    /**
     * The key this platform signs its receipts with (what a terminal pins at registration); the demo terminal pins
     * its embedded platform's key from here, in-process.
     */
    public java.security.PublicKey receiptKey() {
        return receiptKey;
    }

    /** The issuing bodies whose keys sign this platform's result documents (their public keys verify them). */
    public org.govkiosk.platform.certificates.IssuingBodies certificateBodies() {
        return certificateBodies;
    }

    /** 好差评 on phones: the rating window's job (tests run it after moving their clock) and the SMS gateway. */
    public org.govkiosk.platform.ratings.Ratings ratings() {
        return ratings;
    }

    /**
     * Adds a staff account, as {@code add-staff} does from the command line (tests, an embedding application's
     * first administrator).
     */
    public org.govkiosk.platform.staff.StaffMember addStaff(String login, String name,
            org.govkiosk.platform.staff.Role role, java.util.Set<String> halls, char[] password) {
        return StaffBootstrap.add(database, login, name, role, halls, password, java.time.Instant.now());
    }

    /** The machine token (once the clerk token): metrics scraping and scripted integrations; empty if none. */
    public java.util.Optional<String> clerkToken() {
        return config.clerkToken();
    }

    @Override
    public void close() {
        if (deadlineJobs != null) {
            deadlineJobs.shutdownNow();
        }
        if (noticeJobs != null) {
            noticeJobs.shutdownNow();
        }
        if (provinceJobs != null) {
            provinceJobs.shutdownNow();
        }
        try {
            app.stop();
        } finally {
            database.close();
        }
    }

    /**
     * Stops as on SIGTERM: takes no new connection, lets requests in flight finish within {@code grace} (their
     * answers reach the terminals instead of a dropped connection), then closes the database. Jetty stops
     * gracefully only with a stop timeout, which also costs about a second at every stop; tests and the embedded
     * platform use {@link #close()}.
     */
    public void closeGracefully(java.time.Duration grace) {
        closeGracefully(java.time.Duration.ZERO, grace);
    }

    /**
     * Stops as on SIGTERM behind a balancer: first fails the health check (503 {@code shutting-down}) while serving
     * on for {@code drain}, long enough for the balancer's check to mark this instance down (its interval times its
     * fall count, and some): by then nothing new comes here, and what came meanwhile was served. Then ends the
     * pads' event streams (they reconnect through the balancer to another instance and get what they missed by
     * Last-Event-ID) and stops as {@link #closeGracefully(java.time.Duration)}.
     */
    public void closeGracefully(java.time.Duration drain, java.time.Duration grace) {
        if (!drain.isZero() && draining.compareAndSet(false, true)) {
            LOG.info("Stopping: health check failing for a drain of {} ms while requests are served", drain.toMillis());
            try {
                Thread.sleep(drain.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.info("Drained; ending {} pad event streams and stopping", pads.endStreams());
        }
        app.jettyServer().server().setStopTimeout(grace.toMillis());
        close();
    }

    /**
     * Standalone: {@code java -jar govkiosk-platform.jar [--config=FILE] [--port=N] ...}; see --help. With
     * {@code add-staff} first it makes a staff account instead ({@link StaffBootstrap}).
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(StaffBootstrap.COMMAND)) {
            System.exit(StaffBootstrap.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(),
                    System.in, System.out, System.err));
            return;
        }
        PlatformConfigLoader.Loaded config;
        try {
            config = PlatformConfigLoader.load(args, System.getenv());
        } catch (PlatformConfigLoader.HelpRequested h) {
            System.out.println(PlatformConfigLoader.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("govkiosk-platform: " + e.getMessage());
            System.err.println(PlatformConfigLoader.USAGE);
            System.exit(78);
            return;
        }
        PlatformServer server = start(config.config(), config.ratings(), config.notices(), config.province(),
                Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.closeGracefully(config.drain(), GRACEFUL_STOP),
                "platform-shutdown"));
    }
}
