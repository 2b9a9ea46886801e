package org.govkiosk.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.DeviceState;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.api.TerminalStatus;
import org.govkiosk.api.TerminalStatusList;
import org.govkiosk.app.outbox.OutboxStatus;
import org.govkiosk.testkit.Await;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.registry.DeviceRegistry;
import org.govkiosk.device.registry.DriverFactories;
import org.govkiosk.device.supervisor.DeviceSupervisor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The terminal's heartbeat against the real reference platform (embedded, H2 file, signed requests) with a real
 * simulated receipt printer speaking ESC/POS: a printer running out of paper shows in the platform's terminal list
 * at once, not an interval later; an outage is logged once and its end once.
 */
class HeartbeatSenderTest {

    private static final String TERMINAL = "T-HB-1";
    // Long enough that only a device change (or beatSoon) can explain a beat within the test.
    private static final Duration NEVER_IN_THIS_TEST = Duration.ofHours(1);

    @TempDir
    Path dir;

    private RealPlatform platform;
    private ScheduledExecutorService scheduler;
    private DeviceRegistry devices;
    private HeartbeatSender sender;
    private final DeviceEventBus bus = new DeviceEventBus();
    private final KeyPair keys = TerminalKeys.generate();
    private final Instant oldestWaiting = Instant.now().minusSeconds(300);

    @BeforeEach
    void start() throws Exception {
        platform = RealPlatform.http(Files.createDirectories(dir.resolve("platform")));
        HttpPlatformClient client = new HttpPlatformClient(new PlatformClientConfig(platform.baseUri(), Set.of(),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 64 * 1024, 1 << 20),
                new RequestSigner(TERMINAL, keys.getPrivate(), Clock.systemUTC()));
        platform.register(client, TERMINAL, keys.getPublic());
        scheduler = Executors.newScheduledThreadPool(2);
        // The devices are read at each beat, and the sender listens before they start: the printer going ONLINE
        // must not happen before anyone listens (then no beat would come within the test; it did in CI).
        HeartbeatContent content = new HeartbeatContent(TERMINAL, Instant.now().minusSeconds(42), Duration.ofSeconds(60),
                () -> devices.all(), () -> new OutboxStatus(2, 1, 0, 7, Optional.of(oldestWaiting), Optional.empty()),
                Clock.systemUTC());
        sender = new HeartbeatSender(() -> Optional.of(client), content, NEVER_IN_THIS_TEST, Duration.ofMillis(200),
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor())
                .start();
        bus.onStatus(change -> sender.beatSoon());
        devices = DeviceRegistry.create(List.of(DeviceConfig.simulated("receipt-1", DeviceFamily.RECEIPT_PRINTER)),
                DriverFactories.builtIn(), new DeviceContext(scheduler, bus, Clock.systemUTC()));
        devices.startAll(new DeviceSupervisor(scheduler, Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        sender.close();
        devices.close();
        scheduler.shutdownNow();
        platform.close();
    }

    private Optional<TerminalStatus> onPlatform() throws Exception {
        HttpResponse<String> r = platform.clerk("GET", ApiPaths.CLERK_TERMINALS, null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        return ApiJson.lenient().readValue(r.body(), TerminalStatusList.class).terminals().stream()
                .filter(t -> t.terminalId().equals(TERMINAL)).findFirst();
    }

    private Optional<DeviceState> printerOnPlatform() throws Exception {
        return onPlatform().flatMap(t -> t.devices().stream().filter(d -> d.deviceId().equals("receipt-1")).findFirst());
    }

    private static void await(String what, Await.Condition condition) {
        Await.until(what, Duration.ofSeconds(60), condition);
    }

    @Test
    void aPrinterOutOfPaperShowsOnThePlatformAtOnce() throws Exception {
        await("the printer online on the terminal", () -> devices.get("receipt-1").orElseThrow().status().status()
                == DeviceStatus.ONLINE);
        await("the printer online on the platform", () -> printerOnPlatform()
                .map(d -> d.status().equals("ONLINE")).orElse(false));
        TerminalStatus first = onPlatform().orElseThrow();
        assertThat(first.outboxPending()).as("pending + sent").isEqualTo(3);
        assertThat(first.outboxOldestAgeSeconds()).isBetween(300L, 400L);
        assertThat(first.uptimeSeconds()).isBetween(42L, 142L);
        assertThat(first.heartbeatIntervalSeconds()).isEqualTo(60);
        assertThat(first.softwareVersion()).isNotBlank();
        assertThat(first.devices()).singleElement().satisfies(d -> {
            assertThat(d.family()).isEqualTo("RECEIPT_PRINTER");
            assertThat(d.detail()).isNull();
        });

        assertThat(devices.simulator("receipt-1").orElseThrow().command("fault paper-out")).startsWith("ok");
        await("PAPER_OUT on the platform", () -> printerOnPlatform()
                .map(d -> "PAPER_OUT".equals(d.detail())).orElse(false));
        assertThat(printerOnPlatform().orElseThrow().status()).isNotEqualTo("ONLINE");
        assertThat(sender.failuresInARow()).isZero();
    }

    @Test
    void anOutageIsLoggedOnceAndItsEndOnce() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(HeartbeatSender.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            sender.beatSoon();
            await("a first beat", () -> sender.sentCount() >= 1);
            platform.stop();
            for (int i = 1; i <= 3; i++) {
                int wanted = i;
                sender.beatSoon();
                await("failed beat " + i, () -> sender.failuresInARow() >= wanted);
            }
            platform.restart();
            long before = sender.sentCount();
            sender.beatSoon();
            await("a beat after the outage", () -> sender.sentCount() > before);
            assertThat(sender.failuresInARow()).isZero();
            List<ILoggingEvent> events = List.copyOf(log.list);
            assertThat(events).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);
            assertThat(events).filteredOn(e -> e.getLevel() == Level.INFO)
                    .singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).contains("after 3 failed"));
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void manyChangesInOneDebounceWindowMakeOneBeatAndNeverWait() throws Exception {
        // The printer coming online beats too: let start-up settle, so that only the calls below can beat.
        await("the printer online on the terminal", () -> devices.get("receipt-1").orElseThrow().status().status()
                == DeviceStatus.ONLINE);
        sender.beatSoon();
        await("a first beat", () -> sender.sentCount() >= 1);
        sender.queuedBeatsDone().get(30, TimeUnit.SECONDS);
        long before = sender.sentCount();
        long started = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            sender.beatSoon();
        }
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        await("the coalesced beat", () -> sender.sentCount() > before);
        // Settled: every beat those calls could have queued has run (not: a while has passed).
        sender.queuedBeatsDone().get(30, TimeUnit.SECONDS);
        assertThat(sender.sentCount() - before).as("10,000 calls in %d ms", tookMs).isEqualTo(1);
    }
}
