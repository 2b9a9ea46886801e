package org.govkiosk.app.context;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.govkiosk.api.AuditHead;
import org.govkiosk.api.PadRegistration;
import org.govkiosk.app.config.LaunchOptions;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.ops.TerminalMetrics;
import org.govkiosk.app.pad.PadConnectionService;
import org.govkiosk.app.pad.PadListener;
import org.govkiosk.app.platform.HeartbeatContent;
import org.govkiosk.app.platform.HeartbeatSender;
import org.govkiosk.platform.PlatformServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The line to the platform: in demo mode (or when configured so) the embedded platform, started after the first
 * screen so that screen does not wait for it; the terminal's link (outbox, signed client, registration), the
 * heartbeats, and in pad mode the pad's connection to its window.
 */
final class PlatformLinkAssembly implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformLinkAssembly.class);

    private final ExecutorRegistry threads;
    private final TerminalConfig config;
    private final Clock clock;
    /** The embedded platform (demo), started after the first screen; null when the platform is remote. */
    private final CompletableFuture<PlatformServer> platform;
    /** The thread the embedded platform starts on, once the gate opened. */
    private volatile Thread platformStarter;
    private final TerminalPlatform link;
    private final ScheduledExecutorService heartbeatThread;
    private final HeartbeatSender heartbeats;
    private PadConnectionService padLink;
    private ScheduledExecutorService padWatchdog;

    PlatformLinkAssembly(LaunchOptions options, TerminalConfig config, Clock clock, RecordsAssembly records,
            DevicesAssembly devices, OperationsAssembly operations, StartGate afterFirstScreen,
            ExecutorRegistry threads) {
        this.threads = threads;
        this.config = config;
        this.clock = clock;
        var audit = records.audit();
        boolean embedded = options.demo() || config.platform().isEmbedded();
        CompletableFuture<URI> uri;
        CompletableFuture<Optional<String>> token;
        CompletableFuture<Optional<PublicKey>> embeddedKey;
        if (embedded) {
            // One thread of its own, started when the gate opens, gone when the platform is up; the demo's platform
            // runs the terminal's crypto suite and promises the dates of the terminal's catalog and calendar.
            this.platform = CompletableFuture.supplyAsync(
                    () -> PlatformServer.startEmbedded(config.storage().cryptoSuite(),
                            org.govkiosk.platform.config.PlatformConfig.Deadlines.beside(options.configDir())),
                    afterFirstScreen.on(task -> {
                        Thread starter = threads.thread("platform-start-1", task);
                        platformStarter = starter;
                        starter.start();
                    }));
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
        this.link = TerminalPlatform.start(config, records.dataDir(), records.keys(), clock, audit, uri, token,
                embeddedKey);
        link.queue().trainingFrom(records.training()::on);
        Duration beat = config.platform().heartbeatInterval();
        this.heartbeatThread = threads.scheduler("heartbeat", 1);
        this.heartbeats = new HeartbeatSender(link::registeredClient, new HeartbeatContent(config.terminal().id(),
                operations.startedAt(), beat, devices::all, link::outboxStatus, clock, () -> audit.head()
                        .map(h -> new AuditHead(h.seq(), h.hash()))), beat,
                HeartbeatSender.DEFAULT_DEBOUNCE, heartbeatThread).start();
        devices.bus().onStatus(change -> heartbeats.beatSoon());
        link.registered().thenRun(heartbeats::beatSoon);
        gauges(operations.metrics());
    }

    private void gauges(TerminalMetrics metrics) {
        metrics.gauge("govkiosk.outbox.waiting", "cases and ratings not yet confirmed by the platform",
                () -> link.outboxStatus().waiting());
        metrics.gauge("govkiosk.outbox.dead", "entries the platform refused; shown in maintenance mode",
                () -> link.outboxStatus().dead());
        metrics.gauge("govkiosk.platform.receipts.rejected", "2xx answers not confirmed: no receipt verifying"
                + " against the pinned platform key (a fake server, a stripping proxy, a changed key)",
                () -> link.receiptAlarm().rejectedCount());
        metrics.gauge("govkiosk.outbox.oldest.age.seconds", "age of the oldest unconfirmed entry",
                () -> link.outboxStatus().oldestWaitingSince()
                        .map(t -> Duration.between(t, clock.instant()).toSeconds()).orElse(0L));
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
    void startPad(PadListener listener) {
        link.registered().thenAccept(uri -> {
            var registration = new PadRegistration(config.terminal().id(),
                    config.terminal().hallCode(), config.terminal().windowId());
            PadConnectionService pad;
            synchronized (this) {
                padWatchdog = threads.scheduler("pad-silence-watch", 1);
                pad = new PadConnectionService(uri, link.signer(), registration,
                        PadConnectionService.Settings.defaults(), clock, threads.threads("pad-connection"),
                        padWatchdog);
                padLink = pad;
            }
            pad.start(listener);
        });
    }

    TerminalPlatform link() {
        return link;
    }

    /** The embedded platform, once started (demo and tests). */
    Optional<PlatformServer> platform() {
        return platform == null ? Optional.empty() : Optional.ofNullable(platform.getNow(null));
    }

    @Override
    public void close() {
        PadConnectionService pad;
        ScheduledExecutorService watchdog;
        synchronized (this) {
            pad = padLink;
            watchdog = padWatchdog;
        }
        if (pad != null) {
            pad.close(); // stops its connection thread (bounded) and its watchdog
            threads.closeNow(watchdog);
        }
        heartbeats.close();
        threads.closeNow(heartbeatThread);
        link.close();
        if (platform != null) {
            Thread starter = platformStarter;
            if (starter != null) {
                // A platform still starting is given the bound to come up, so that it is closed below.
                threads.close(starter);
            }
            platform.thenAccept(PlatformServer::close);
        }
    }
}
