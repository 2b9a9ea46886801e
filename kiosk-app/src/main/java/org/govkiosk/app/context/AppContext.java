package org.govkiosk.app.context;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.govkiosk.api.PadRegistration;
import org.govkiosk.app.audit.AuditLog;
import org.govkiosk.app.audit.AuditMac;
import org.govkiosk.app.config.LaunchOptions;
import org.govkiosk.app.security.TerminalKeyStore;
import org.govkiosk.app.catalog.Catalog;
import org.govkiosk.app.catalog.CatalogLoader;
import org.govkiosk.app.config.ConfigException;
import org.govkiosk.app.config.ConfigLoader;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.maintenance.ConfigReload;
import org.govkiosk.app.maintenance.DeviceAdmin;
import org.govkiosk.app.maintenance.DeviceCounters;
import org.govkiosk.app.maintenance.MaintenanceAccess;
import org.govkiosk.app.ops.FileLogging;
import org.govkiosk.app.ops.HealthCheck;
import org.govkiosk.app.ops.HealthReport;
import org.govkiosk.app.ops.OpsHttpServer;
import org.govkiosk.app.ops.TerminalMetrics;
import org.govkiosk.app.outbox.OutboxWorker;
import org.govkiosk.app.pad.PadConnectionService;
import org.govkiosk.app.pad.PadListener;
import org.govkiosk.app.platform.HeartbeatContent;
import org.govkiosk.app.platform.HeartbeatSender;
import org.govkiosk.app.printing.PrintService;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.session.SessionManager;
import org.govkiosk.app.usage.UsageStatistics;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DocumentPrinter;
import org.govkiosk.device.ReceiptPrinter;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.registry.DeviceRegistry;
import org.govkiosk.device.registry.DriverFactories;
import org.govkiosk.device.supervisor.DeviceSupervisor;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.print.escpos.EscPosRenderer;
import org.govkiosk.print.escpos.EscPosSettings;
import org.govkiosk.print.escpos.ReceiptPaper;
import org.govkiosk.print.pdf.CjkFont;
import org.govkiosk.print.pdf.FontLocator;
import org.govkiosk.print.pdf.FontNotFoundException;
import org.govkiosk.print.pdf.PdfRenderer;
import org.govkiosk.print.template.TemplateException;
import org.govkiosk.print.template.TemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the terminal runs on, built once at start from the configuration: devices with their supervisor,
 * the session, maintenance access and, in demo mode or when configured so, the embedded platform. A bad
 * configuration stops it here, before any screen shows.
 */
public final class AppContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final LaunchOptions options;
    private final TerminalConfig config;
    private final Clock clock;
    private final I18n i18n;
    private final SessionManager sessions;
    private final CitizenSession citizen = new CitizenSession();
    private final ScheduledExecutorService scheduler;
    private final DeviceEventBus bus = new DeviceEventBus();
    private final DeviceRegistry devices;
    private final DeviceSupervisor supervisor;
    /** 监控记录's device status changes, kept from start (before the first device connects). */
    private final org.govkiosk.app.maintenance.DeviceJournal journal;
    /** One case per person, item and day: a journey begun again after a timeout files the same case. */
    private final org.govkiosk.app.journey.SubmissionKeys submissionKeys;
    private final MaintenanceAccess maintenance;
    /** What the first screen does not need waits for it ({@link StartGate}), opened by {@link #firstScreenShown}. */
    private final StartGate afterFirstScreen = new StartGate();
    /** The embedded platform (demo), started after the first screen so that screen does not wait for it. */
    private final CompletableFuture<PlatformServer> platform;
    private final TerminalPlatform platformLink;
    private final Catalog catalog;
    private volatile PadConnectionService padLink;
    /** Citizens' journeys wait for the platform and printers here, never on the FX thread. */
    private final ExecutorService journeyThread =
            Executors.newSingleThreadExecutor(daemonThreads("journey"));
    private final PrintService printing;
    private final Path dataDir;
    private final AuditLog audit;
    private final TerminalMetrics metrics;
    private OpsHttpServer ops;
    private final Instant startedAt;
    private final HeartbeatSender heartbeats;
    /** The rolling log file in the data directory, exported from maintenance mode; null without logback. */
    private final FileLogging logFiles;
    /** Maintenance: device counters and usage statistics count from start; their slow work runs here. */
    private final ExecutorService maintenanceThread =
            Executors.newSingleThreadExecutor(daemonThreads("maintenance"));
    private final DeviceCounters deviceCounters;
    private final UsageStatistics usage;

    private AppContext(LaunchOptions options, TerminalConfig config, Catalog catalog, Clock clock) throws IOException {
        this.options = options;
        this.catalog = catalog;
        this.config = config;
        this.clock = clock;
        List<Locale> locales = config.ui().locales();
        this.i18n = new I18n(locales, config.ui().defaultLocale());
        this.sessions = new SessionManager(clock, config.session().idleTimeout(), config.session().warning());
        this.scheduler = Executors.newScheduledThreadPool(2, daemonThreads("device-scheduler"));
        DeviceContext deviceContext = new DeviceContext(scheduler, bus, clock);
        this.supervisor = new DeviceSupervisor(scheduler, clock);
        this.journal = new org.govkiosk.app.maintenance.DeviceJournal(bus, 200);
        this.devices = DeviceRegistry.create(config.devices(), DriverFactories.builtIn(), deviceContext);
        this.dataDir = config.storage().resolve(config.terminal().id());
        org.govkiosk.app.security.OwnerOnly.directory(dataDir);
        this.logFiles = FileLogging.attach(dataDir.resolve("logs"));
        // The audit chain is keyed from the key store, so nobody who can only write files can re-chain it.
        TerminalKeyStore keys = TerminalPlatform.openKeys(config, dataDir);
        this.submissionKeys = org.govkiosk.app.journey.SubmissionKeys.keyed(keys.submissionKeySecret(), clock,
                java.time.ZoneId.systemDefault());
        this.audit = AuditLog.open(dataDir.resolve("audit").resolve("audit.log"), keys.auditKey(),
                AuditMac.of(keys.suite()), clock);
        audit.record("app-started", Map.of("mode", mode().name().toLowerCase(Locale.ROOT),
                "demo", String.valueOf(options.demo())));
        this.startedAt = clock.instant();
        this.metrics = new TerminalMetrics(config.terminal().id(), devices.all(), bus);
        this.deviceCounters = DeviceCounters.open(
                dataDir.resolve("device-counters.json"), bus);
        this.usage = UsageStatistics.open(dataDir.resolve("usage.db"), clock,
                ZoneId.systemDefault(), maintenanceThread);
        sessions.onEnd(reason -> {
            audit.record("session-ended", Map.of("reason", reason.name()));
            metrics.sessionEnded(reason.name());
            usage.sessionEnded(reason.name());
        });
        this.maintenance = new MaintenanceAccess(pinCheck(options, config), config.maintenance().maxAttempts(),
                config.maintenance().lockout(), clock, audit);
        this.printing = printService(options.configDir(), config.print());
        boolean embedded = options.demo() || config.platform().isEmbedded();
        CompletableFuture<URI> uri;
        CompletableFuture<Optional<String>> token;
        CompletableFuture<Optional<java.security.PublicKey>> embeddedKey;
        if (embedded) {
            // One thread of its own, started when the gate opens, gone when the platform is up; the demo's platform
            // runs the terminal's crypto suite.
            ThreadFactory starter = daemonThreads("platform-start");
            this.platform = CompletableFuture.supplyAsync(
                    () -> PlatformServer.startEmbedded(config.storage().cryptoSuite()),
                    afterFirstScreen.on(task -> starter.newThread(task).start()));
            uri = platform.thenApply(PlatformServer::baseUri);
            token = platform.thenApply(PlatformServer::enrolmentToken);
            // The demo's platform runs in this process: its receipt key is pinned from here, not from the network.
            embeddedKey = platform.thenApply(p -> Optional.of(p.receiptKey()));
        } else {
            this.platform = null;
            uri = CompletableFuture.completedFuture(URI.create(config.platform().url()));
            token = CompletableFuture.completedFuture(enrolmentToken(config));
            embeddedKey = CompletableFuture.completedFuture(Optional.empty());
        }
        this.platformLink = TerminalPlatform.start(config, dataDir, keys, clock, audit, uri, token, embeddedKey);
        Duration beat = config.platform().heartbeatInterval();
        this.heartbeats = new HeartbeatSender(platformLink::registeredClient, new HeartbeatContent(config.terminal().id(),
                startedAt, beat, devices::all, platformLink::outboxStatus, clock, () -> audit.head()
                        .map(h -> new org.govkiosk.api.AuditHead(h.seq(), h.hash()))), beat,
                HeartbeatSender.DEFAULT_DEBOUNCE).start();
        bus.onStatus(change -> heartbeats.beatSoon());
        platformLink.registered().thenRun(heartbeats::beatSoon);
        metrics.gauge("govkiosk.outbox.waiting", "cases and ratings not yet confirmed by the platform",
                () -> platformLink.outboxStatus().waiting());
        metrics.gauge("govkiosk.outbox.dead", "entries the platform refused; shown in maintenance mode",
                () -> platformLink.outboxStatus().dead());
        metrics.gauge("govkiosk.platform.receipts.rejected", "2xx answers not confirmed: no receipt verifying"
                + " against the pinned platform key (a fake server, a stripping proxy, a changed key)",
                () -> platformLink.receiptAlarm().rejectedCount());
        metrics.gauge("govkiosk.outbox.oldest.age.seconds", "age of the oldest unconfirmed entry",
                () -> platformLink.outboxStatus().oldestWaitingSince()
                        .map(t -> Duration.between(t, clock.instant()).toSeconds()).orElse(0L));
    }

    /** Loads and validates the configuration (every file, all problems at once), then starts devices and services. */
    public static AppContext start(LaunchOptions options, Clock clock) throws IOException {
        var loaded = loadConfiguration(options.configDir());
        AppContext context = new AppContext(options, loaded.config(), loaded.catalog(), clock);
        context.devices.startAll(context.supervisor);
        context.supervisor.start();
        context.startOps();
        // ICU builds its pinyin rules on first use (about 2 s of CPU): not on the FX thread at the first search, and
        // not while the first screen is being built on a 2-core terminal either.
        context.scheduler.schedule(context.catalog::prepareSearch, 5, TimeUnit.SECONDS);
        // Held work starts with the first screen; should no screen come (a display that never shows), it starts
        // all the same: the outbox must reach the platform with or without a screen.
        context.scheduler.schedule(context.afterFirstScreen::open, 10, TimeUnit.SECONDS);
        context.scheduler.scheduleWithFixedDelay(context.deviceCounters::flush, 10, 10, TimeUnit.SECONDS);
        context.scheduler.scheduleWithFixedDelay(() -> context.maintenanceThread.execute(context.usage::rollUp),
                1, 60, TimeUnit.MINUTES);
        LOG.info("Terminal {} started in {} mode{} with {} devices", loaded.config().terminal().id(), context.mode(),
                options.demo() ? " (demo)" : "", context.devices.all().size());
        return context;
    }

    /** Reads and validates the whole configuration directory, all problems at once (at start and at a reload). */
    public static ConfigReload.Loaded loadConfiguration(Path configDir) {
        List<String> problems = new ArrayList<>();
        TerminalConfig config = null;
        try {
            config = ConfigLoader.load(configDir, DeviceRegistry.validator(DriverFactories.builtIn()));
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        Catalog catalog = null;
        try {
            Path templates = configDir.resolve(config != null
                    ? config.print().templatesDir() : Path.of(TerminalConfig.Print.DEFAULT_TEMPLATES));
            catalog = CatalogLoader.load(configDir,
                    name -> Files.isRegularFile(templates.resolve(name + ".yaml")));
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ConfigReload.Loaded(config, catalog);
    }

    private static Optional<String> enrolmentToken(TerminalConfig config) {
        return config.platform().enrolmentTokenFile().flatMap(f -> {
            try {
                return Optional.of(Files.readString(f).trim());
            } catch (IOException e) {
                LOG.error("platform.enrolment-token-file {} cannot be read: {}", f, e.toString());
                return Optional.empty();
            }
        });
    }

    /**
     * Pad mode: once the platform is known and this pad registered, binds it to its window and streams the
     * window's rating requests to {@code listener}.
     */
    public void startPad(PadListener listener) {
        platformLink.registered().thenAccept(uri -> {
            var registration = new PadRegistration(config.terminal().id(),
                    config.terminal().hallCode(), config.terminal().windowId());
            var link = new PadConnectionService(uri, platformLink.signer(), registration,
                    PadConnectionService.Settings.defaults(), clock);
            synchronized (this) {
                padLink = link;
            }
            link.start(listener);
        });
    }

    /** Monitoring must never stop citizen service: a port in use or an unreadable token is logged, not fatal. */
    private void startOps() {
        TerminalConfig.Ops cfg = config.ops();
        if (cfg.listen().isEmpty()) {
            return;
        }
        try {
            Optional<String> token = cfg.tokenFile().isPresent()
                    ? Optional.of(Files.readString(cfg.tokenFile().get()).trim()) : Optional.empty();
            ops = new OpsHttpServer(cfg.listen().get(), token, this::health, metrics::scrape);
        } catch (IOException | RuntimeException e) {
            LOG.error("Ops endpoint not started on {}: {}", cfg.listen().get(), e.toString());
        }
    }

    public HealthReport health() {
        return HealthReport.of(config.terminal().id(),
                Duration.between(startedAt, clock.instant()).toSeconds(), devices.all());
    }

    /**
     * What the systemd watchdog vouches for besides the UI thread: the device scheduler and the outbox worker (not
     * stuck, and started: one that failed to start sends nothing ever, and a restart may be what helps).
     */
    public List<HealthCheck> watchdogChecks() {
        HealthCheck workerSteps = HealthCheck.stepWithin("outbox-worker", () -> platformLink.worker()
                .map(OutboxWorker::busySinceNanos).orElse(0L), Duration.ofSeconds(90));
        return List.of(HealthCheck.checkedInWithin("device-supervisor", supervisor::lastCheckNanos,
                        Duration.ofSeconds(15)),
                HealthCheck.of("outbox-worker", () -> platformLink.startFailure()
                        .map(why -> "outbox-worker failed to start: " + why).or(workerSteps::problem)));
    }

    public TerminalMetrics metrics() {
        return metrics;
    }

    /** The ops endpoint, when it runs. */
    public Optional<OpsHttpServer> ops() {
        return Optional.ofNullable(ops);
    }

    private static Optional<Predicate<char[]>> pinCheck(LaunchOptions options, TerminalConfig config) {
        if (config.maintenance().pinHash().isPresent()) {
            return config.maintenance().pinHash().map(hash -> hash::matches);
        }
        if (!options.demo()) {
            LOG.warn("No maintenance PIN configured (maintenance.pin-hash): maintenance mode stays closed");
            return Optional.empty();
        }
        String pin = String.format("%06d", new SecureRandom().nextInt(1_000_000));
        // The demo has no PIN in the repository; this one lives as long as the process.
        LOG.warn("Demo maintenance PIN (valid until this process ends): {}", pin);
        char[] expected = pin.toCharArray();
        return Optional.of(candidate -> MessageDigest.isEqual(
                new String(candidate).getBytes(StandardCharsets.UTF_8),
                new String(expected).getBytes(StandardCharsets.UTF_8)));
    }

    private PrintService printService(Path configDir, TerminalConfig.Print print) {
        Path dir = configDir.resolve(print.templatesDir());
        TemplateRepository templates;
        try {
            templates = TemplateRepository.load(dir);
        } catch (TemplateException e) {
            // Templates are configuration too: a broken one stops the terminal like a broken terminal.yaml.
            throw new ConfigException(e.problems().stream().map(p -> "templates: " + p).toList());
        }
        FontLocator fonts = FontLocator.of(print.fontPath());
        if (print.fontPath().isPresent()) {
            try {
                fonts.locate(); // a font the technician named must be usable, or the terminal does not start
            } catch (FontNotFoundException e) {
                throw new ConfigException(List.of("terminal.yaml: print.font-path: " + e.getMessage()));
            }
        }
        ExecutorService renderThread = Executors.newSingleThreadExecutor(daemonThreads("print-render"));
        // Searching and parsing the system's CJK font takes a second or more: on the render thread, not in the
        // way of the first screen, and done before the first citizen asks for an A4 document.
        afterFirstScreen.on(renderThread).execute(() -> {
            try {
                CjkFont.shared(fonts);
            } catch (FontNotFoundException e) {
                LOG.error("No CJK font for A4 documents; receipts still print. {}", e.getMessage());
            }
        });
        ReceiptPaper paper = print.receiptWidth() == 58 ? ReceiptPaper.MM58 : ReceiptPaper.MM80;
        return new PrintService(templates, () -> new PdfRenderer(CjkFont.shared(fonts)),
                new EscPosRenderer(EscPosSettings.of(paper)), devicesOf(ReceiptPrinter.class),
                devicesOf(DocumentPrinter.class), renderThread);
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public LaunchOptions.Mode mode() {
        return options.mode().orElse(config.terminal().mode());
    }

    public LaunchOptions options() {
        return options;
    }

    public TerminalConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public I18n i18n() {
        return i18n;
    }

    public SessionManager sessions() {
        return sessions;
    }

    public CitizenSession citizen() {
        return citizen;
    }

    public DeviceEventBus bus() {
        return bus;
    }

    public List<Device> allDevices() {
        return devices.all();
    }

    /** The configured devices of one family, by their typed interface (e.g. {@code IdCardReader.class}). */
    public <T extends Device> List<T> devicesOf(Class<T> type) {
        return devices.byFamily(type);
    }

    public Executor journeyThread() {
        return journeyThread;
    }

    /** The service items this terminal offers, with their guides and forms. */
    public Catalog catalog() {
        return catalog;
    }

    /** Puts citizens' documents on paper, on whichever printer works. */
    public PrintService printing() {
        return printing;
    }

    /** The terminal's own state: outbox, audit log, keys. */
    public Path dataDir() {
        return dataDir;
    }

    public AuditLog audit() {
        return audit;
    }

    public MaintenanceAccess maintenance() {
        return maintenance;
    }

    /** The first screen is up: the work held back for it (the demo's platform, fonts, dictionaries) starts. */
    public void firstScreenShown() {
        afterFirstScreen.open();
    }

    /** {@code executor} for work the first screen does not need: it starts once that screen is shown. */
    public java.util.concurrent.Executor afterFirstScreen(java.util.concurrent.Executor executor) {
        return afterFirstScreen.on(executor);
    }

    /** The embedded platform, once started (demo and tests). */
    public Optional<PlatformServer> platform() {
        return platform == null ? Optional.empty() : Optional.ofNullable(platform.getNow(null));
    }

    /** Cases and ratings go to the platform through this: durable at once, sent when the platform can be reached. */
    public TerminalPlatform platformLink() {
        return platformLink;
    }

    /** What each device has done, kept across restarts. */
    public DeviceCounters deviceCounters() {
        return deviceCounters;
    }

    /** Sessions, applications and ratings counted for the hall's managers. */
    public UsageStatistics usage() {
        return usage;
    }

    /** Maintenance mode's slow work (files, SQLite, media) runs here, never on the FX thread. */
    public Executor maintenanceThread() {
        return maintenanceThread;
    }

    public org.govkiosk.app.journey.SubmissionKeys submissionKeys() {
        return submissionKeys;
    }

    public DeviceAdmin deviceAdmin() {
        return new DeviceAdmin() {
            @Override
            public Optional<String> lastFailure(String deviceId) {
                return devices.lastFailure(deviceId).map(Throwable::getMessage);
            }

            @Override
            public List<DeviceAdmin.JournalEntry> journal() {
                // Status changes, the devices' supervisor and the outbox worker's watchdog, in one timeline.
                return java.util.stream.Stream.of(
                        journal.recent().stream().map(c -> (DeviceAdmin.JournalEntry) new DeviceAdmin.StatusChange(
                                c.at(), c.deviceId(), c.oldStatus(), c.newStatus())),
                        supervisor.records().stream().map(r -> (DeviceAdmin.JournalEntry)
                                new DeviceAdmin.Intervention(r.at(), r.componentId(), r.action(), r.cause())),
                        platformLink.outboxRestarts().stream().map(r -> (DeviceAdmin.JournalEntry)
                                new DeviceAdmin.Intervention(r.at(), "outbox-worker", "restarted", r.cause())))
                        .flatMap(s -> s).sorted(java.util.Comparator.comparing(DeviceAdmin.JournalEntry::at))
                        .toList();
            }

            @Override
            public Optional<String> simulatorCommand(String deviceId, String command) {
                return devices.simulator(deviceId).map(sim -> sim.command(command));
            }
        };
    }

    @Override
    public void close() {
        journeyThread.shutdownNow();
        if (padLink != null) {
            padLink.close();
        }
        if (ops != null) {
            ops.close();
        }
        printing.close();
        supervisor.close();
        devices.close();
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeats.close();
        platformLink.close();
        maintenanceThread.shutdown();
        try {
            maintenanceThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deviceCounters.close();
        usage.close();
        if (platform != null) {
            platform.thenAccept(PlatformServer::close);
        }
        audit.record("app-stopped");
        audit.close();
        LOG.info("Terminal stopped");
        if (logFiles != null) {
            logFiles.close();
        }
    }
}
