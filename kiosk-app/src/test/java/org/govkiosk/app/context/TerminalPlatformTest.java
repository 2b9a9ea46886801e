package org.govkiosk.app.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.app.audit.Audit;
import org.govkiosk.app.cases.Case;
import org.govkiosk.app.cases.TestCases;
import org.govkiosk.app.config.ConfigLoader;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.outbox.EntryState;
import org.govkiosk.app.outbox.OutboxEntry;
import org.govkiosk.testkit.Await;
import org.govkiosk.platform.PlatformServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal's line to a real embedded platform: register, queue, send, confirm; and waiting when it is away. */
class TerminalPlatformTest {

    @TempDir
    Path dir;

    private final List<String> audited = new CopyOnWriteArrayList<>();
    private final Audit audit = (event, details) -> audited.add(event);

    private TerminalConfig config() throws Exception {
        Path cfg = Files.createDirectories(dir.resolve("config"));
        Files.copy(Path.of("../config/terminal.yaml"), cfg.resolve("terminal.yaml"));
        Files.writeString(cfg.resolve("devices.yaml"), "devices: []\n");
        return ConfigLoader.load(cfg);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(String what, Await.Condition condition) {
        Await.until(what, Duration.ofSeconds(60), condition);
    }

    @Test
    void aQueuedCaseReachesThePlatformOnceAndKeysSurviveARestart() throws Exception {
        TerminalConfig config = config();
        Path data = dir.resolve("data");
        try (PlatformServer server = PlatformServer.startEmbedded()) {
            String publicKey;
            Case queued;
            try (TerminalPlatform link = TerminalPlatform.start(config, data, Clock.systemUTC(), audit,
                    CompletableFuture.completedFuture(server.baseUri()),
                    CompletableFuture.completedFuture(server.enrolmentToken()))) {
                queued = link.queue().submit(TestCases.draft(Clock.systemUTC()));
                await("the case confirmed", () -> link.outbox().find(queued.idempotencyKey())
                        .map(OutboxEntry::state).orElse(null) == EntryState.CONFIRMED);
                String caseNumber = link.outbox().find(queued.idempotencyKey()).flatMap(OutboxEntry::reference)
                        .orElseThrow();
                CaseView view = link.client().orElseThrow().queryCase(caseNumber);
                assertThat(view.caseNumber()).isEqualTo(caseNumber);
                assertThat(audited).contains("terminal-registered");
                publicKey = link.publicKey();
                assertThat(data.resolve("keys/password")).as("no password beside the key store").doesNotExist();
            }
            // A restart opens the same keys (else queued data could not be decrypted) and registers again.
            audited.clear();
            try (TerminalPlatform again = TerminalPlatform.start(config, data, Clock.systemUTC(), audit,
                    CompletableFuture.completedFuture(server.baseUri()),
                    CompletableFuture.completedFuture(server.enrolmentToken()))) {
                await("registered again", () -> audited.contains("terminal-registered"));
                assertThat(again.outbox().find(queued.idempotencyKey()).map(OutboxEntry::state))
                        .contains(EntryState.CONFIRMED);
                assertThat(again.publicKey()).isEqualTo(publicKey);
            }
        }
    }

    @Test
    void theDemoPinsItsEmbeddedPlatformsKeyEvenWhenAnEarlierDemoPinnedAnother() throws Exception {
        TerminalConfig config = config();
        Path data = dir.resolve("data");
        for (int run = 0; run < 2; run++) {
            // Each demo starts a fresh embedded platform, with a fresh key, on the same data directory.
            try (PlatformServer server = PlatformServer.startEmbedded();
                    TerminalPlatform link = TerminalPlatform.start(config, data,
                            TerminalPlatform.openKeys(config, data), Clock.systemUTC(), audit,
                            CompletableFuture.completedFuture(server.baseUri()),
                            CompletableFuture.completedFuture(server.enrolmentToken()),
                            CompletableFuture.completedFuture(Optional.of(server.receiptKey())))) {
                Case queued = link.queue().submit(TestCases.draft(Clock.systemUTC()));
                await("the case confirmed in demo run " + run, () -> link.outbox().find(queued.idempotencyKey())
                        .map(OutboxEntry::state).orElse(null) == EntryState.CONFIRMED);
                assertThat(link.platformKey()).contains(server.receiptKey());
                assertThat(link.receiptAlarm().rejectedCount()).isZero();
            }
        }
        assertThat(org.govkiosk.app.security.TerminalKeyStore.openOrCreate(data.resolve("keys"),
                Files.readString(org.govkiosk.app.security.KeyStoreSecret.generatedFile(data)).trim().toCharArray())
                .platformKey())
                .as("pinned in the key store").isPresent();
    }

    @Test
    void registeredCompletesOnlyOnceThePlatformKnowsTheKeySoTheFirstHeartbeatIsAccepted() throws Exception {
        // The audit of a successful registration is slowed down: a registered() that completed on connecting, as
        // heartbeats once waited for, would run before it.
        Audit slowAudit = (event, details) -> {
            if (event.equals("terminal-registered")) {
                sleep(500);
            }
            audited.add(event);
        };
        TerminalConfig config = config();
        try (PlatformServer server = PlatformServer.startEmbedded();
                TerminalPlatform link = TerminalPlatform.start(config, dir.resolve("data"), Clock.systemUTC(),
                        slowAudit, CompletableFuture.completedFuture(server.baseUri()),
                        CompletableFuture.completedFuture(server.enrolmentToken()))) {
            CompletableFuture<Boolean> registeredFirst = link.registered().toCompletableFuture()
                    .thenApply(uri -> audited.contains("terminal-registered"));
            link.connectedTo().toCompletableFuture().get(60, TimeUnit.SECONDS);

            assertThat(registeredFirst.get(60, TimeUnit.SECONDS)).as("registered() after the registration").isTrue();
            var receipt = link.registeredClient().orElseThrow().heartbeat(new Heartbeat(
                    config.terminal().id(), Instant.now(), "test", 0, List.of()));
            assertThat(receipt.receivedAt()).isNotNull();
        }
    }

    @Test
    void withThePlatformAwayCasesWaitAndNothingIsDropped() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (TerminalPlatform link = TerminalPlatform.start(config(), dir.resolve("data"), Clock.systemUTC(), audit,
                CompletableFuture.completedFuture(URI.create("http://127.0.0.1:" + port)),
                CompletableFuture.completedFuture(Optional.of("token")))) {
            Case queued = link.queue().submit(TestCases.draft(Clock.systemUTC()));
            await("a failed attempt", () -> link.lastProblem().isPresent());
            assertThat(link.outboxStatus().waiting()).isEqualTo(1);
            assertThat(link.outboxStatus().dead()).isZero();
            assertThat(link.registered().toCompletableFuture()).as("not registered while away").isNotDone();
            assertThat(link.registeredClient()).as("so no heartbeat is sent").isEmpty();
            assertThat(link.outbox().find(queued.idempotencyKey()).map(OutboxEntry::state).orElseThrow())
                    .isIn(EntryState.PENDING, EntryState.SENT);
        }
    }
}
