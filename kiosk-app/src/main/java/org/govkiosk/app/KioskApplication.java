package org.govkiosk.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.govkiosk.app.config.ConfigException;
import org.govkiosk.app.config.LaunchOptions;
import org.govkiosk.app.context.AppContext;
import org.govkiosk.app.ops.EventLoopCheck;
import org.govkiosk.app.ops.HealthWatchdog;
import org.govkiosk.app.ui.KioskUi;
import org.govkiosk.app.ui.shell.FxWarmUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal: full screen, undecorated, no way out by keyboard. The only exit is in maintenance mode, behind
 * the technician PIN.
 */
public class KioskApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(KioskApplication.class);
    /** Exit code when the configuration is bad: the terminal refuses to start half-configured. */
    public static final int EXIT_BAD_CONFIG = 78;

    private static volatile LaunchOptions pendingOptions;
    /**
     * The console of the command line that launched the terminal ({@link Main}): a bad configuration's reason and the
     * cold-start harness's figure go there. Started otherwise (tests), nothing is printed; the log has both.
     */
    private static volatile PrintStream out = new PrintStream(OutputStream.nullOutputStream(), true);
    private static volatile PrintStream err = out;
    /** The terminal's services, started beside the JavaFX toolkit by {@link #launchWith}; taken by {@link #init}. */
    private static volatile CompletableFuture<AppContext> pendingContext;

    private final LaunchOptions options;
    private final Clock clock;
    private AppContext context;
    private KioskUi ui;
    /** The warm-up scene, kept until the first screen's scene is built (its stylesheet stays cached). */
    private Scene warmUp;
    private Stage stage;
    private volatile boolean exitAllowed;
    private volatile HealthWatchdog watchdog;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::closeOnce, "terminal-shutdown");

    public KioskApplication() {
        this(pendingOptions != null ? pendingOptions : LaunchOptions.parse());
    }

    public KioskApplication(LaunchOptions options) {
        this(options, Clock.systemDefaultZone());
    }

    /** @param clock the terminal's time: sessions, devices, the outbox (tests move it on by hand) */
    public KioskApplication(LaunchOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    static void launchWith(LaunchOptions options, PrintStream console, PrintStream errors) {
        out = console;
        err = errors;
        pendingOptions = options;
        // Configuration, devices and services start beside the JavaFX toolkit rather than after it: on a 2-core
        // terminal both fit at once, and the devices are up (a card can be read) when the first screen shows.
        CompletableFuture<AppContext> starting = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                starting.complete(AppContext.start(options, Clock.systemDefaultZone()));
            } catch (Throwable e) {
                starting.completeExceptionally(e);
            }
        }, "terminal-start");
        starter.setDaemon(true);
        pendingContext = starting;
        starter.start();
        Application.launch(KioskApplication.class);
    }

    /** The services {@link #launchWith} started for these options, or started here. */
    private AppContext startContext() throws IOException {
        CompletableFuture<AppContext> started = pendingContext;
        pendingContext = null;
        if (started == null || options != pendingOptions) {
            return AppContext.start(options, clock);
        }
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public void init() throws Exception {
        // The JavaFX thread is idle until the services are up: it warms up the controls and the stylesheet
        // meanwhile, so building the first screen after that takes less of the time to it.
        Platform.runLater(() -> warmUp = FxWarmUp.scene());
        try {
            context = startContext();
            // systemctl stop sends SIGTERM, which ends the JVM without JavaFX's stop(): close the devices, the
            // outbox, the counters and the audit log ("app-stopped") all the same.
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (ConfigException e) {
            LOG.error("The terminal refuses to start: the configuration in {} is not valid.\n{}",
                    options.configDir().toAbsolutePath(), e.getMessage());
            err.println("govkiosk: configuration in " + options.configDir().toAbsolutePath()
                    + " is not valid:\n" + e.getMessage());
            throw e;
        }
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        ui = new KioskUi(context.viewModels(), this::exit);
        // A kiosk covers its whole screen, whatever its size, with or without a window manager: full-screen mode
        // alone is a request to the window manager, and without one (X with no WM, some kiosk compositors) the
        // window stayed a 1280×1024 box in the middle of the screen.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        Scene scene = options.windowed() ? new Scene(ui.root(), 1280, 1024)
                : new Scene(ui.root(), screen.getWidth(), screen.getHeight());
        ui.attach(scene);
        primaryStage.setScene(scene);
        warmUp = null;
        primaryStage.setTitle("govkiosk");
        if (!options.windowed()) {
            lockDown(primaryStage);
        }
        primaryStage.show();
        if (!options.windowed()) {
            goFullScreen(primaryStage);
        }
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("Attract screen shown {} ms after JVM start", sinceJvmStart);
        context.firstScreenShown();
        watchdog = new HealthWatchdog(System.getenv(), Stream.concat(Stream.of(new EventLoopCheck("javafx-thread",
                Platform::runLater, Duration.ofSeconds(5))), context.watchdogChecks().stream()).toList());
        watchdog.ready("first screen shown after " + sinceJvmStart + " ms");
        if (Boolean.getBoolean("govkiosk.exitAfterStart")) {
            // Used by the cold-start harness: measure, then leave. The peak resident memory so far is the peak up
            // to the first screen; the process's peak to its exit (read by the harness) also has what runs after it
            // (the demo's embedded platform starting, which the exit waits for).
            out.println("STARTUP_MS " + sinceJvmStart);
            peakResidentKib().ifPresent(kib -> out.println("PEAK_RSS_AT_SCREEN_KIB " + kib));
            // CPU time of all the process's threads so far: what the start cost, whatever else the machine ran.
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                out.println("CPU_MS_AT_SCREEN " + os.getProcessCpuTime() / 1_000_000);
            }
            exit();
        }
    }

    /** The process's peak resident set so far (VmHWM of /proc/self/status, Linux), in KiB. */
    static java.util.Optional<Long> peakResidentKib() {
        try (Stream<String> lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmHWM:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")));
        } catch (IOException | java.io.UncheckedIOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private void lockDown(Stage primaryStage) {
        if (primaryStage.getStyle() != StageStyle.UNDECORATED) {
            try {
                primaryStage.initStyle(StageStyle.UNDECORATED);
            } catch (IllegalStateException e) {
                // A stage shown before (a test harness's) keeps its style; full screen hides decorations anyway.
                LOG.warn("Stage style is fixed already: {}", e.getMessage());
            }
        }
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        primaryStage.setX(screen.getMinX());
        primaryStage.setY(screen.getMinY());
        primaryStage.setWidth(screen.getWidth());
        primaryStage.setHeight(screen.getHeight());
        primaryStage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        primaryStage.setFullScreenExitHint("");
        primaryStage.setAlwaysOnTop(true);
        primaryStage.setOnCloseRequest(e -> {
            if (!exitAllowed) {
                e.consume();
                LOG.warn("Close request refused: exit only from maintenance mode");
            }
        });
        // Leaving full screen by any means other than exit puts it back.
        primaryStage.fullScreenProperty().addListener((obs, was, now) -> {
            if (!now && !exitAllowed) {
                Platform.runLater(() -> goFullScreen(primaryStage));
            }
        });
    }

    private static void goFullScreen(Stage primaryStage) {
        try {
            primaryStage.setFullScreen(true);
        } catch (RuntimeException e) {
            // Headless glass (Monocle in tests) has no full screen; a real display does.
            LOG.warn("Full screen unavailable on this display: {}", e.toString());
        }
    }

    /** Maintenance mode's exit. */
    public void exit() {
        exitAllowed = true;
        Platform.exit();
    }

    @Override
    public void stop() {
        if (ui != null) {
            ui.stop();
        }
        closeOnce();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Stopping because the JVM is shutting down: the hook runs (or ran) closeOnce, which is a no-op now.
        }
    }

    /** Closes once, from stop() or the SIGTERM hook, whichever comes first. */
    private void closeOnce() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (watchdog != null) {
            watchdog.close();
        }
        if (context != null) {
            context.close();
        }
    }

    /** For tests: the running UI and context. */
    public KioskUi ui() {
        return ui;
    }

    public AppContext context() {
        return context;
    }

    public Stage stage() {
        return stage;
    }

    public boolean exitAllowed() {
        return exitAllowed;
    }
}
