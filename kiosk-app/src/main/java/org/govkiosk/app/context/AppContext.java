package org.govkiosk.app.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.govkiosk.app.audit.AuditLog;
import org.govkiosk.app.catalog.Catalog;
import org.govkiosk.app.catalog.CatalogLoader;
import org.govkiosk.app.config.ConfigException;
import org.govkiosk.app.config.ConfigLoader;
import org.govkiosk.app.config.LaunchOptions;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.journey.SubmissionKeys;
import org.govkiosk.app.maintenance.ConfigReload;
import org.govkiosk.app.maintenance.DeviceAdmin;
import org.govkiosk.app.maintenance.DeviceCounters;
import org.govkiosk.app.maintenance.MaintenanceAccess;
import org.govkiosk.app.ops.HealthCheck;
import org.govkiosk.app.ops.HealthReport;
import org.govkiosk.app.ops.OpsHttpServer;
import org.govkiosk.app.ops.TerminalMetrics;
import org.govkiosk.app.outbox.OutboxWorker;
import org.govkiosk.app.pad.PadListener;
import org.govkiosk.app.printing.PrintService;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.session.SessionManager;
import org.govkiosk.app.ui.KioskViewModels;
import org.govkiosk.app.usage.UsageStatistics;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.registry.DeviceRegistry;
import org.govkiosk.device.registry.DriverFactories;
import org.govkiosk.platform.PlatformServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's composition root, built once at start from the configuration. It makes the assemblies in order,
 * each owning its part and the threads it runs on (all made by one {@link ExecutorRegistry}): the terminal's
 * records (data folder, logs, keys, audit), the devices, operations (metrics, ops endpoint, usage, maintenance),
 * printing, the platform link (and in demo mode the embedded platform) and the citizens' journeys; it closes them
 * in reverse. A bad configuration stops it here, before any screen shows.
 */
public final class AppContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final LaunchOptions options;
    private final TerminalConfig config;
    private final Clock clock;
    private final I18n i18n;
    /** Read beside the assemblies, set by {@link #start} before the context is handed out. */
    private Catalog catalog;
    /** What the first screen does not need waits for it ({@link StartGate}), opened by {@link #firstScreenShown}. */
    private final StartGate afterFirstScreen = new StartGate();
    /** Every thread the assemblies run on; closed last, for anything an assembly left. */
    private final ExecutorRegistry threads = new ExecutorRegistry();
    /** The assemblies made so far, the most recent first: closed in that order. */
    private final Deque<AutoCloseable> made = new ArrayDeque<>();
    private final RecordsAssembly records;
    private final DevicesAssembly devices;
    private final OperationsAssembly operations;
    private final PrintingAssembly printing;
    private final PlatformLinkAssembly platform;
    private final JourneysAssembly journeys;
    private final VoiceAssembly voice;
    private boolean closed;

    private AppContext(LaunchOptions options, TerminalConfig config, Clock clock, StartPhases phases)
            throws IOException {
        this.options = options;
        this.config = config;
        this.clock = clock;
        this.i18n = new I18n(config.ui().locales(), config.ui().defaultLocale());
        try {
            this.records = made(new RecordsAssembly(config, clock, Map.of("mode",
                    mode().name().toLowerCase(Locale.ROOT), "demo", String.valueOf(options.demo())), phases));
            this.devices = made(new DevicesAssembly(config, clock, records.dataDir(), threads));
            phases.mark("devices");
            this.operations = made(new OperationsAssembly(options, config, clock, records, devices, threads));
            phases.mark("operations");
            this.printing = made(new PrintingAssembly(options.configDir(), config.print(), devices,
                    afterFirstScreen, threads, records.training()));
            phases.mark("printing");
            this.platform = made(new PlatformLinkAssembly(options, config, clock, records, devices, operations,
                    afterFirstScreen, threads));
            phases.mark("platform-link");
            this.journeys = made(new JourneysAssembly(config, clock, records, devices, operations, printing,
                    platform, threads));
            this.voice = made(new VoiceAssembly(config.voice(), threads));
            phases.mark("journeys");
        } catch (IOException | RuntimeException | Error e) {
            // A terminal that cannot start leaves nothing running: what was made is closed, newest first.
            closeMade();
            throw e;
        }
    }

    private <T extends AutoCloseable> T made(T assembly) {
        made.push(assembly);
        return assembly;
    }

    /**
     * Loads and validates the configuration (every file, all problems at once), then starts devices and services.
     * The catalog, the largest file, is read on a thread of its own while the terminal's settings are read and the
     * assemblies are made (nothing but the screens needs it); a bad catalog still stops the start before any
     * screen shows.
     */
    public static AppContext start(LaunchOptions options, Clock clock) throws IOException {
        StartPhases phases = new StartPhases();
        try (ConfigurationRead read = ConfigurationRead.begin(options.configDir())) {
            TerminalConfig config = read.config();
            phases.mark("config");
            AppContext context = new AppContext(options, config, clock, phases);
            try {
                context.catalog = read.catalog();
            } catch (RuntimeException | Error e) {
                context.close();
                throw e;
            }
            phases.mark("catalog-wait");
            phases.beside("catalog (own thread, CPU)", read.cpuMillis);
            context.devices.start();
            phases.mark("devices-up");
            // The ops endpoint and the housekeeping timers are for technicians and monitors: they start with the
            // first screen, not before it.
            context.afterFirstScreen.on(context.operations::runLater).execute(context.operations::start);
            // ICU builds its pinyin rules on first use (about 2 s of CPU): not on the FX thread at the first search,
            // and not while the first screen is being built on a 2-core terminal either.
            context.operations.later(context.catalog::prepareSearch, Duration.ofSeconds(5));
            // Held work starts with the first screen; should no screen come (a display that never shows), it starts
            // all the same: the outbox must reach the platform with or without a screen.
            context.operations.later(context.afterFirstScreen::open, Duration.ofSeconds(10));
            LOG.info("Terminal {} started in {} mode{} with {} devices; start phases in ms (wall/CPU of the start"
                    + " thread): {}", config.terminal().id(), context.mode(), options.demo() ? " (demo)" : "",
                    context.devices.all().size(), phases);
            return context;
        }
    }

    /** Reads and validates the whole configuration directory, all problems at once (at start and at a reload). */
    public static ConfigReload.Loaded loadConfiguration(Path configDir) {
        try (ConfigurationRead read = ConfigurationRead.begin(configDir)) {
            return new ConfigReload.Loaded(read.config(), read.catalog());
        }
    }

    /**
     * The configuration directory being read: terminal.yaml, devices.yaml and the calendar on the caller's thread,
     * the catalog on a thread of its own. {@link #config()} throws every problem of the settings and, if there are
     * any, of the catalog too; {@link #catalog()} waits for the catalog and throws its problems.
     */
    private static final class ConfigurationRead implements AutoCloseable {
        private final ExecutorRegistry reader = new ExecutorRegistry();
        /** The catalog checks that the papers it names exist in the templates folder, which terminal.yaml may move. */
        private final CompletableFuture<Path> templates = new CompletableFuture<>();
        private final CompletableFuture<Catalog> catalog = new CompletableFuture<>();
        private final Path configDir;
        /** The catalog thread's CPU time, for the start's phases; -1 until it is done (or where unsupported). */
        private volatile long cpuMillis = -1;

        private ConfigurationRead(Path configDir) {
            this.configDir = configDir;
        }

        static ConfigurationRead begin(Path configDir) {
            ConfigurationRead read = new ConfigurationRead(configDir);
            read.reader.thread("catalog-read", () -> {
                try {
                    read.catalog.complete(CatalogLoader.load(configDir,
                            name -> Files.isRegularFile(read.templates.join().resolve(name + ".yaml"))));
                } catch (Throwable e) {
                    read.catalog.completeExceptionally(e);
                } finally {
                    read.cpuMillis = java.lang.management.ManagementFactory.getThreadMXBean()
                            .getCurrentThreadCpuTime() / 1_000_000;
                }
            }).start();
            return read;
        }

        TerminalConfig config() {
            TerminalConfig config = null;
            try {
                config = ConfigLoader.load(configDir, DeviceRegistry.validator(DriverFactories.builtIn()));
                return config;
            } catch (ConfigException e) {
                // All problems at once: the settings' and, once it is read, the catalog's.
                templates.complete(configDir.resolve(Path.of(TerminalConfig.Print.DEFAULT_TEMPLATES)));
                List<String> problems = new ArrayList<>(e.problems());
                catalogProblems().ifPresent(problems::addAll);
                throw new ConfigException(problems);
            } finally {
                templates.complete(configDir.resolve(config != null
                        ? config.print().templatesDir() : Path.of(TerminalConfig.Print.DEFAULT_TEMPLATES)));
            }
        }

        Catalog catalog() {
            try {
                return catalog.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }

        /** The catalog's problems, once it is read; empty when it has none (or failed otherwise: said at start). */
        private Optional<List<String>> catalogProblems() {
            try {
                catalog.join();
                return Optional.empty();
            } catch (CompletionException e) {
                return e.getCause() instanceof ConfigException c ? Optional.of(c.problems()) : Optional.empty();
            }
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    /**
     * Pad mode: once the platform is known and this pad registered, binds it to its window and streams the
     * window's rating requests to {@code listener}.
     */
    public void startPad(PadListener listener) {
        platform.startPad(listener);
    }

    public HealthReport health() {
        return operations.health();
    }

    /**
     * What the systemd watchdog vouches for besides the UI thread: the device scheduler and the outbox worker (not
     * stuck, and started: one that failed to start sends nothing ever, and a restart may be what helps).
     */
    public List<HealthCheck> watchdogChecks() {
        TerminalPlatform link = platform.link();
        HealthCheck workerSteps = HealthCheck.stepWithin("outbox-worker", () -> link.worker()
                .map(OutboxWorker::busySinceNanos).orElse(0L), Duration.ofSeconds(90));
        return List.of(HealthCheck.checkedInWithin("device-supervisor", devices.supervisor()::lastCheckNanos,
                        Duration.ofSeconds(15)),
                HealthCheck.of("outbox-worker", () -> link.startFailure()
                        .map(why -> "outbox-worker failed to start: " + why).or(workerSteps::problem)));
    }

    public TerminalMetrics metrics() {
        return operations.metrics();
    }

    /** The ops endpoint, when it runs. */
    public Optional<OpsHttpServer> ops() {
        return operations.ops();
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
        return journeys.sessions();
    }

    public CitizenSession citizen() {
        return journeys.citizen();
    }

    public DeviceEventBus bus() {
        return devices.bus();
    }

    public List<Device> allDevices() {
        return devices.all();
    }

    /** The configured devices of one family, by their typed interface (e.g. {@code IdCardReader.class}). */
    public <T extends Device> List<T> devicesOf(Class<T> type) {
        return devices.byFamily(type);
    }

    /** Citizens' journeys wait for the platform and printers here, never on the FX thread. */
    public Executor journeyThread() {
        return journeys.journeyThread();
    }

    /** The service items this terminal offers, with their guides and forms. */
    public Catalog catalog() {
        return catalog;
    }

    /** Puts citizens' documents on paper, on whichever printer works. */
    public PrintService printing() {
        return printing.printing();
    }

    /** The terminal's own state: outbox, audit log, keys. */
    public Path dataDir() {
        return records.dataDir();
    }

    /** 培训模式: cases filed as training, ratings kept back, papers marked specimen, a banner on every screen. */
    public org.govkiosk.app.training.TrainingMode training() {
        return records.training();
    }

    public AuditLog audit() {
        return records.audit();
    }

    public MaintenanceAccess maintenance() {
        return operations.maintenance();
    }

    /** The first screen is up: the work held back for it (the demo's platform, fonts, dictionaries) starts. */
    public void firstScreenShown() {
        afterFirstScreen.open();
    }

    /** {@code executor} for work the first screen does not need: it starts once that screen is shown. */
    public Executor afterFirstScreen(Executor executor) {
        return afterFirstScreen.on(executor);
    }

    /** The embedded platform, once started (demo and tests). */
    public Optional<PlatformServer> platform() {
        return platform.platform();
    }

    /** Cases and ratings go to the platform through this: durable at once, sent when the platform can be reached. */
    public TerminalPlatform platformLink() {
        return platform.link();
    }

    /** What each device has done, kept across restarts. */
    public DeviceCounters deviceCounters() {
        return devices.counters();
    }

    /** Sessions, applications and ratings counted for the hall's managers. */
    public UsageStatistics usage() {
        return operations.usage();
    }

    /** Maintenance mode's slow work (files, SQLite, media) runs here, never on the FX thread. */
    public Executor maintenanceThread() {
        return operations.maintenanceThread();
    }

    public SubmissionKeys submissionKeys() {
        return journeys.submissionKeys();
    }

    /** What the UI builds its screens from: view models over the services, never the services or this root. */
    public KioskViewModels viewModels() {
        return new TerminalViewModels(this, journeys);
    }

    /** Where spoken prompts go (espeak-ng and the sound card, on the speaking thread). */
    public org.govkiosk.app.voice.SpeechSink speech() {
        return voice.speech();
    }

    /** The threads of the terminal's components (tests and diagnostics). */
    public ExecutorRegistry threads() {
        return threads;
    }

    public DeviceAdmin deviceAdmin() {
        TerminalPlatform link = platform.link();
        return new DeviceAdmin() {
            @Override
            public Optional<String> lastFailure(String deviceId) {
                return devices.lastFailure(deviceId);
            }

            @Override
            public List<DeviceAdmin.JournalEntry> journal() {
                // Status changes, the devices' supervisor and the outbox worker's watchdog, in one timeline.
                return java.util.stream.Stream.of(
                        devices.journal().recent().stream().map(c -> (DeviceAdmin.JournalEntry)
                                new DeviceAdmin.StatusChange(c.at(), c.deviceId(), c.oldStatus(), c.newStatus())),
                        devices.supervisor().records().stream().map(r -> (DeviceAdmin.JournalEntry)
                                new DeviceAdmin.Intervention(r.at(), r.componentId(), r.action(), r.cause())),
                        link.outboxRestarts().stream().map(r -> (DeviceAdmin.JournalEntry)
                                new DeviceAdmin.Intervention(r.at(), "outbox-worker", "restarted", r.cause())))
                        .flatMap(s -> s).sorted(java.util.Comparator.comparing(DeviceAdmin.JournalEntry::at))
                        .toList();
            }

            @Override
            public Optional<String> simulatorCommand(String deviceId, String command) {
                return devices.simulatorCommand(deviceId, command);
            }
        };
    }

    /** Closes the assemblies in reverse order of their making, then any thread they left. A second close does nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closeMade();
    }

    private void closeMade() {
        while (!made.isEmpty()) {
            AutoCloseable assembly = made.pop();
            try {
                assembly.close();
            } catch (Exception e) {
                LOG.error("Closing {} failed; closing the rest", assembly.getClass().getSimpleName(), e);
            }
        }
        threads.close();
    }
}
