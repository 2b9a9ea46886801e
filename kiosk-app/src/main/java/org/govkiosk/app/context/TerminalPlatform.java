package org.govkiosk.app.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.TerminalRegistration;
import org.govkiosk.app.audit.Audit;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.outbox.DeliveryWaits;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.OutboxStatus;
import org.govkiosk.app.outbox.OutboxSupervisor;
import org.govkiosk.app.outbox.OutboxWorker;
import org.govkiosk.shared.retry.Backoff;
import org.govkiosk.app.outbox.PayloadCipher;
import org.govkiosk.app.platform.HttpPlatformClient;
import org.govkiosk.app.platform.PlatformClient;
import org.govkiosk.app.platform.PlatformClientConfig;
import org.govkiosk.app.platform.PlatformException;
import org.govkiosk.app.platform.PlatformKeyPin;
import org.govkiosk.app.platform.PlatformOutboxSender;
import org.govkiosk.app.platform.PlatformQueue;
import org.govkiosk.app.platform.ReceiptAlarm;
import org.govkiosk.app.security.TerminalKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's line to the platform: its keys, the durable outbox (open at once, so a citizen's case is kept
 * from the first second), and, once the platform's address is known, the signed client, the registration of this
 * terminal's key and the worker that drains the outbox. With an embedded platform (the demo) the address comes
 * when it has started, in the background, so the screens do not wait for it.
 */
public final class TerminalPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalPlatform.class);
    private static final Duration REGISTRATION_RETRY_CAP = Duration.ofMinutes(5);

    private final TerminalConfig config;
    private final Clock clock;
    private static final int MAX_RESTART_RECORDS = 50;
    private final Audit audit;
    private final TerminalKeyStore keys;
    private final Outbox outbox;
    private final PlatformQueue queue;
    /** The platform's receipt key, pinned in the key store at enrolment. */
    private final PlatformKeyPin platformKey;
    private final ReceiptAlarm receiptAlarm;
    /** Told by every outbox worker (a replaced one too): what the citizen's journey waits on. */
    private final DeliveryWaits deliveryWaits = new DeliveryWaits();
    private volatile PlatformClient client;
    /** Runs the outbox worker, and replaces it when it is stuck; set once connected. */
    private volatile OutboxSupervisor supervisor;
    private final Deque<WorkerRestart> restarts = new ArrayDeque<>();
    private volatile boolean closed;
    /** Why the outbox worker could not be started, if it could not. */
    private volatile String startFailure;
    private final CompletableFuture<URI> connectedTo = new CompletableFuture<>();
    /** Completes once the platform knows this terminal's key, or once nothing more can be done about it. */
    private final CompletableFuture<URI> registered = new CompletableFuture<>();

    private TerminalPlatform(TerminalConfig config, Path dataDir, TerminalKeyStore keys, Clock clock, Audit audit) {
        this.config = config;
        this.clock = clock;
        this.audit = audit;
        this.keys = keys;
        this.outbox = Outbox.open(dataDir.resolve("outbox").resolve("outbox.db"), new PayloadCipher(keys.dataKey()),
                clock);
        outbox.recovery().ifPresent(r -> audit.record("outbox-recovered", Map.of("report", r.toString())));
        this.queue = new PlatformQueue(outbox, this::wakeWorker, config.terminal().id(), clock);
        this.platformKey = PlatformKeyPin.of(keys::platformKey, keys::pinPlatformKey);
        this.receiptAlarm = new ReceiptAlarm((event, why) -> audit.record(event, Map.of("why", why)), clock);
    }

    /**
     * Opens keys and outbox now; connects when {@code platformUri} completes.
     *
     * @param enrolmentToken the token that lets this terminal register its key (embedded platform: its own)
     */
    public static TerminalPlatform start(TerminalConfig config, Path dataDir, Clock clock, Audit audit,
            CompletionStage<URI> platformUri, CompletionStage<Optional<String>> enrolmentToken) {
        return start(config, dataDir, openKeys(config, dataDir), clock, audit, platformUri, enrolmentToken,
                java.util.concurrent.CompletableFuture.completedFuture(Optional.empty()));
    }

    /**
     * The terminal's key store in {@code dataDir/keys}: made on the first start. Opened before the audit log, whose
     * chain is keyed from it.
     */
    public static TerminalKeyStore openKeys(TerminalConfig config, Path dataDir) {
        return keysWithSecret(config, dataDir);
    }

    /**
     * @param embeddedPlatformKey the receipt key of a platform this process started itself (the demo's), pinned
     *                            in place of any earlier pin; empty for a real platform, whose key is pinned at the
     *                            first registration and never replaced
     */
    public static TerminalPlatform start(TerminalConfig config, Path dataDir, TerminalKeyStore keys, Clock clock,
            Audit audit, CompletionStage<URI> platformUri, CompletionStage<Optional<String>> enrolmentToken,
            CompletionStage<Optional<PublicKey>> embeddedPlatformKey) {
        TerminalPlatform p = new TerminalPlatform(config, dataDir, keys, clock, audit);
        platformUri.thenCombine(enrolmentToken, (uri, token) -> {
            embeddedPlatformKey.toCompletableFuture().join().ifPresent(p.platformKey::replace);
            p.connect(uri, token);
            return null;
        }).exceptionally(e -> {
            if (p.closed) {
                // The terminal closed while it was connecting (its threads interrupted): nothing is wrong.
                LOG.info("The terminal closed before its platform link was up: {}", e.toString());
            } else {
                LOG.error("The platform is not reachable: cases stay queued on this terminal", e);
            }
            return null;
        });
        return p;
    }

    private void connect(URI uri, Optional<String> enrolmentToken) {
        try {
            connectNow(uri, enrolmentToken);
        } catch (RuntimeException | Error e) {
            // Not the platform's fault: the terminal cannot send (a runtime without a module it needs, once). Cases
            // still queue; the systemd watchdog is told, so the failure does not pass for a platform outage.
            startFailure = e.toString();
            LOG.error("The outbox worker cannot start: cases queue on this terminal but none is sent", e);
            throw e;
        }
    }

    private void connectNow(URI uri, Optional<String> enrolmentToken) {
        if (closed) {
            return;
        }
        RequestSigner signer = new RequestSigner(config.terminal().id(), keys.signingKeys().getPrivate(), clock);
        PlatformClient c = new HttpPlatformClient(PlatformClientConfig.of(uri, config.platform().pins()), signer,
                platformKey, receiptAlarm);
        if (platformKey.current().isEmpty() && enrolmentToken.isEmpty()) {
            LOG.error("No platform receipt key is pinned and there is no enrolment token to register with: no case"
                    + " can be confirmed, all stay queued until this terminal is enrolled");
        }
        this.client = c;
        enrolmentToken.ifPresentOrElse(token -> CompletableFuture.runAsync(() -> {
            try {
                register(c, token);
            } finally {
                registered.complete(uri);
            }
        }), () -> {
            LOG.warn("No enrolment token (platform.enrolment-token-file): this terminal's key {} must be"
                    + " registered with the platform by hand", keys.publicKeyBase64());
            registered.complete(uri);
        });
        synchronized (this) {
            if (closed) {
                return;
            }
            this.supervisor = OutboxSupervisor.start(() -> new OutboxWorker(outbox, new PlatformOutboxSender(c),
                    OutboxWorker.standardBackoff(), clock, Duration.ofSeconds(30), deliveryWaits),
                    OutboxSupervisor.DEFAULT_STUCK_AFTER, OutboxSupervisor.DEFAULT_CHECK_EVERY,
                    this::workerRestarted);
        }
        LOG.info("Terminal {} connected to the platform at {}", config.terminal().id(), uri);
        connectedTo.complete(uri);
    }

    private void workerRestarted(String cause) {
        audit.record("outbox-worker-restarted", Map.of("cause", cause));
        synchronized (restarts) {
            restarts.addLast(new WorkerRestart(clock.instant(), cause));
            while (restarts.size() > MAX_RESTART_RECORDS) {
                restarts.removeFirst();
            }
        }
    }

    /** One in-process restart of the outbox worker. */
    public record WorkerRestart(Instant at, String cause) {
    }

    /** The outbox worker's in-process restarts, oldest first (the last 50), for the maintenance screen. */
    public List<WorkerRestart> outboxRestarts() {
        synchronized (restarts) {
            return List.copyOf(restarts);
        }
    }

    /** Registration is idempotent; retried with backoff while the platform cannot be reached. */
    private void register(PlatformClient c, String token) {
        TerminalRegistration registration = new TerminalRegistration(config.terminal().id(),
                config.terminal().hallCode(), keys.publicKeyBase64(), token, "govkiosk", version());
        Backoff backoff = new Backoff(Duration.ofSeconds(1), REGISTRATION_RETRY_CAP, 0.2,
                java.util.random.RandomGenerator.getDefault());
        for (int failures = 1; !closed; failures++) {
            try {
                c.register(registration);
                audit.record("terminal-registered", Map.of("platform", String.valueOf(config.platform().url())));
                return;
            } catch (PlatformException e) {
                if (!e.retryable()) {
                    LOG.error("The platform refused this terminal's registration: {}", e.getMessage());
                    audit.record("terminal-registration-refused", Map.of("why", e.getMessage()));
                    return;
                }
                Duration wait = backoff.delay(failures);
                LOG.warn("Registration with the platform failed ({}); retrying in {} ms", e.getMessage(),
                        wait.toMillis());
                if (!sleep(wait)) {
                    return; // the terminal is closing
                }
            }
        }
    }

    private static String version() {
        String v = TerminalPlatform.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** False when interrupted (the terminal is closing): the caller stops instead of spinning. */
    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The key store's secret ({@link org.govkiosk.app.security.KeyStoreSecret}: a systemd credential, a configured
     * owner-only file outside the data directory, or for the demo a generated one next to it). A key store of an
     * older version, whose password lay beside it in {@code keys/password}, is re-protected with that secret and the
     * old file deleted, so its keys (and the data queued under them) stay the same.
     */
    private static TerminalKeyStore keysWithSecret(TerminalConfig config, Path dataDir) {
        org.govkiosk.app.security.KeyStoreSecret.Source secret = org.govkiosk.app.security.KeyStoreSecret.resolve(
                config.storage().keystorePasswordFile(), dataDir, System.getenv());
        Path keysDir = dataDir.resolve("keys");
        Path legacy = org.govkiosk.app.security.KeyStoreSecret.legacyFile(dataDir);
        if (Files.exists(legacy) && Files.exists(keysDir.resolve(TerminalKeyStore.FILE_NAME))) {
            try {
                TerminalKeyStore old = TerminalKeyStore.openExisting(keysDir,
                        Files.readString(legacy, StandardCharsets.UTF_8).trim().toCharArray());
                TerminalKeyStore moved = old.reprotect(secret.secret());
                Files.delete(legacy);
                LOG.info("The key store {} is now protected by {}; its old password file {} is deleted",
                        moved.file(), secret.description(), legacy);
                return moved;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move the key store " + keysDir + " off its password file "
                        + legacy, e);
            }
        }
        return TerminalKeyStore.openOrCreate(keysDir, secret.secret(), config.storage().cryptoSuite());
    }

    private void wakeWorker() {
        OutboxSupervisor w = supervisor;
        if (w != null) {
            w.worker().wake();
        }
    }

    /** Where the citizen flow hands cases and ratings; they are durable once this returns. */
    public PlatformQueue queue() {
        return queue;
    }

    /** The client for queries (progress, certificates, e-licences), once connected. */
    public Optional<PlatformClient> client() {
        return Optional.ofNullable(client);
    }

    /** The platform's address once known (the embedded one starts in the background). */
    public CompletionStage<URI> connectedTo() {
        return connectedTo;
    }

    /**
     * The platform's address once this terminal's registration is settled: registered with its enrolment token
     * (or refused, which is logged and audited), or left to a technician when there is no token. Heartbeats and a
     * pad's window binding wait for it: sent before, the platform answers 401 for a key it does not know yet.
     * Cases need not wait: the outbox retries them.
     */
    public CompletionStage<URI> registered() {
        return registered;
    }

    /** The client once {@link #registered()} has completed; empty until then. */
    public Optional<PlatformClient> registeredClient() {
        return registered.isDone() ? client() : Optional.empty();
    }

    /** Signs requests as this terminal (a rating pad's event stream, for one). */
    public RequestSigner signer() {
        return new RequestSigner(config.terminal().id(), keys.signingKeys().getPrivate(), clock);
    }

    /** Answers the terminal could not verify as the platform's (for the metrics and the technician). */
    public ReceiptAlarm receiptAlarm() {
        return receiptAlarm;
    }

    /** The platform's receipt key this terminal pinned, if any. */
    public Optional<PublicKey> platformKey() {
        return platformKey.current();
    }

    /** This terminal's public key (base64 X.509), as the platform knows it; shown to technicians. */
    public String publicKey() {
        return keys.publicKeyBase64();
    }

    /**
     * A client that is there at once: until the platform is connected each call fails as a retryable
     * connection failure, which the citizen's screen reports like a platform that is down.
     */
    public PlatformClient connectingClient() {
        return (PlatformClient) java.lang.reflect.Proxy.newProxyInstance(PlatformClient.class.getClassLoader(),
                new Class<?>[] {PlatformClient.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(this, args);
                    }
                    PlatformClient c = client;
                    if (c == null) {
                        throw new PlatformException(org.govkiosk.app.platform.PlatformFailure.CONNECT_FAILED,
                                "the platform is not connected yet", null);
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Failed sends in a row; while not connected at all, counted as failing so no citizen waits for nothing. */
    public int consecutiveFailures() {
        OutboxSupervisor w = supervisor;
        return w == null ? 1 : w.worker().consecutiveFailures();
    }

    /**
     * The worker draining the outbox now, once connected (the systemd watchdog checks it is not stuck; a stuck one
     * is replaced in-process first).
     */
    public Optional<OutboxWorker> worker() {
        return Optional.ofNullable(supervisor).map(OutboxSupervisor::worker);
    }

    /** Why the outbox worker could not be started, if that happened (a defect of this terminal, not an outage). */
    public Optional<String> startFailure() {
        return Optional.ofNullable(startFailure);
    }

    public Outbox outbox() {
        return outbox;
    }

    /** What a journey waits on for its entry's confirmation: told by the outbox worker, whichever runs. */
    public DeliveryWaits deliveryWaits() {
        return deliveryWaits;
    }

    public OutboxStatus outboxStatus() {
        return outbox.status();
    }

    public Optional<String> lastProblem() {
        return worker().flatMap(OutboxWorker::lastProblem);
    }

    public boolean connected() {
        return supervisor != null;
    }

    @Override
    public void close() {
        OutboxSupervisor w;
        synchronized (this) {
            closed = true;
            w = supervisor;
        }
        if (w != null) {
            w.close();
        }
        outbox.close();
        // After the worker: its last round may still be sending through this client.
        if (client instanceof HttpPlatformClient http) {
            http.close();
        }
    }
}
