package org.govkiosk.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.app.cases.Case;
import org.govkiosk.app.cases.TestCases;
import org.govkiosk.app.outbox.Delivery;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.OutboxEntry;
import org.govkiosk.app.outbox.OutboxWorker;
import org.govkiosk.app.outbox.PayloadCipher;
import org.govkiosk.app.outbox.TestKeys;
import org.govkiosk.shared.retry.Backoff;
import org.govkiosk.testkit.Await;
import org.govkiosk.testkit.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference platform-server goes away for a while (stopped, then restarted on the same port over the same H2
 * file): the queue waits, backs off, and drains when it is back. Nothing lost, nothing stored twice.
 */
class OutageTest {

    private static final String TERMINAL = "terminal-outage";
    private static final Duration BASE = Duration.ofMillis(50);
    private static final Duration CAP = Duration.ofMillis(400);
    private static final double JITTER = 0.2;
    /** Failed rounds the outage lasts: the first at once, then base, 2 base, 4 base and twice the cap later. */
    private static final int ROUNDS_IN_OUTAGE = 6;

    /** The backoff's jitter; a failure names the seed to replay it with. */
    @RegisterExtension
    static final TestSeed SEED = new TestSeed();

    @TempDir
    Path dir;

    /** {@code round}: the instant the worker gave the round (shared by every entry of it); {@code at}: now. */
    private record Attempt(Instant round, Instant at, boolean failed) {
    }

    private OutboxWorker worker(Outbox outbox, PlatformClient client, List<Attempt> attempts) {
        return new OutboxWorker(outbox, new PlatformOutboxSender(client),
                new Backoff(BASE, CAP, JITTER, SEED.random()), Clock.systemUTC(),
                Duration.ofSeconds(1), new OutboxWorker.Listener() {
                    @Override
                    public void attempted(OutboxEntry entry, Delivery outcome, Instant at) {
                        attempts.add(new Attempt(at, Instant.now(), !(outcome instanceof Delivery.Delivered)));
                    }
                }).start();
    }

    private static HttpPlatformClient client(RealPlatform platform, KeyPair keys) {
        return new HttpPlatformClient(new PlatformClientConfig(platform.baseUri(), Set.of(), Duration.ofSeconds(1),
                Duration.ofSeconds(2), 1 << 16, 1 << 20),
                new RequestSigner(TERMINAL, keys.getPrivate(), Clock.systemUTC()));
    }

    @Test
    void theQueueDrainsAfterAnOutageWithBoundedBackedOffRetries() throws Exception {
        KeyPair keys = TerminalKeys.generate();
        List<Attempt> attempts = new CopyOnWriteArrayList<>();
        Set<String> keysQueued = new HashSet<>();
        RatingSubmission rating;
        try (RealPlatform platform = RealPlatform.http(Files.createDirectories(dir.resolve("platform")));
             Outbox outbox = Outbox.open(dir.resolve("outbox.db"), new PayloadCipher(TestKeys.aes()),
                     Clock.systemUTC())) {
            HttpPlatformClient client = client(platform, keys);
            platform.register(client, TERMINAL, keys.getPublic());
            OutboxWorker worker = worker(outbox, client, attempts);
            PlatformQueue queue = new PlatformQueue(outbox, worker::wake, TERMINAL, Clock.systemUTC());
            try {
                for (int i = 0; i < 10; i++) {
                    keysQueued.add(queue.submit(TestCases.draft(Clock.systemUTC())).idempotencyKey());
                }
                awaitDrained(outbox);
                // The rating below is for a case the platform holds in this terminal's hall, as a citizen's is.
                String rated = client.submitCase(TestCases.draft(Clock.systemUTC()).toSubmission(TERMINAL,
                        Instant.now())).caseNumber();

                platform.stop();
                Instant outageStart = Instant.now();
                for (int i = 0; i < 20; i++) {
                    Case c = queue.submit(TestCases.draft(Clock.systemUTC()));
                    keysQueued.add(c.idempotencyKey());
                }
                // Level 2: a bad rating, which needs a reason and once could not be written for the platform.
                rating = new RatingSubmission("rating-" + System.nanoTime(), rated, "1", TestCases.ITEM.code(),
                        RealPlatform.HALL, TERMINAL, null, null, RatingChannel.SELF_SERVICE_TERMINAL, 2, null,
                        List.of("SERVICE_ATTITUDE"), null, false, Instant.now());
                queue.submitRating(rating);
                // The outage lasts until the backoff has grown to its cap and stayed there: 50, 100, 200, 400, 400 ms
                // between failed rounds (not: until three seconds have passed).
                Await.until("the backoff reached its cap during the outage", Duration.ofSeconds(30),
                        () -> failedRounds(attempts) >= ROUNDS_IN_OUTAGE, () -> failedRounds(attempts) + " rounds");
                assertThat(outbox.status().waiting()).isEqualTo(21);
                assertThat(worker.lastProblem().orElseThrow()).contains("CONNECT_FAILED");
                platform.restart();
                Instant outageEnd = Instant.now();

                awaitDrained(outbox);
                assertThat(outbox.status().dead()).isZero();
                checkBackoff(attempts, outageStart, outageEnd);
            } finally {
                worker.close();
            }
            // What the platform stored, read from its own database after it stopped: each key once.
            platform.stop();
            Map<String, Integer> cases = platform.storedKeys("cases");
            assertThat(cases.keySet()).containsAll(keysQueued).hasSize(keysQueued.size() + 1);
            assertThat(cases.values()).containsOnly(1);
            assertThat(platform.storedKeys("ratings")).containsExactly(Map.entry(rating.idempotencyKey(), 1));
        }
    }

    @Test
    void casesQueuedBeforeTheTerminalIsRegisteredWaitForItInsteadOfBeingDropped() throws Exception {
        KeyPair keys = TerminalKeys.generate();
        List<Attempt> attempts = new CopyOnWriteArrayList<>();
        Set<String> keysQueued = new HashSet<>();
        try (RealPlatform platform = RealPlatform.http(Files.createDirectories(dir.resolve("platform")));
             Outbox outbox = Outbox.open(dir.resolve("outbox.db"), new PayloadCipher(TestKeys.aes()),
                     Clock.systemUTC())) {
            HttpPlatformClient client = client(platform, keys);
            OutboxWorker worker = worker(outbox, client, attempts);
            PlatformQueue queue = new PlatformQueue(outbox, worker::wake, TERMINAL, Clock.systemUTC());
            try {
                for (int i = 0; i < 3; i++) {
                    keysQueued.add(queue.submit(TestCases.draft(Clock.systemUTC())).idempotencyKey());
                }
                // The attempt is counted as the send returns; the worker notes the round's problem after that, so
                // wait for both (a clean-clone run under load read lastProblem() in between: "No value present").
                Await.until("three attempts while unregistered, the last one's problem noted", Duration.ofSeconds(20),
                        () -> attempts.size() >= 3 && worker.lastProblem().isPresent(), attempts::size);
                assertThat(attempts).as("attempts while unregistered").hasSizeGreaterThanOrEqualTo(3)
                        .allMatch(Attempt::failed);
                assertThat(worker.lastProblem().orElseThrow()).contains("REFUSED_FOR_NOW").contains("unknown-terminal");
                assertThat(outbox.status().dead()).as("dead letters").isZero();
                assertThat(outbox.status().waiting()).isEqualTo(3);

                platform.register(client, TERMINAL, keys.getPublic());
                awaitDrained(outbox);
                assertThat(outbox.status().dead()).isZero();
            } finally {
                worker.close();
            }
            platform.stop();
            assertThat(platform.storedKeys("cases")).containsOnlyKeys(keysQueued);
        }
    }

    private static void checkBackoff(List<Attempt> attempts, Instant outageStart, Instant outageEnd) {
        // A round sends up to a batch of entries at once, so the first failed round may carry several attempts that
        // fail together; what must back off is the rounds. Rounds are told apart by the instant the worker gave them.
        Map<Instant, Integer> failedRounds = new LinkedHashMap<>();
        Map<Instant, Instant> roundSeen = new LinkedHashMap<>();
        for (Attempt a : attempts) {
            if (a.failed()) {
                failedRounds.merge(a.round(), 1, Integer::sum);
                roundSeen.putIfAbsent(a.round(), a.at());
            }
        }
        List<Instant> failed = new ArrayList<>(roundSeen.values());
        List<Integer> sizes = new ArrayList<>(failedRounds.values());
        Duration outage = Duration.between(outageStart, outageEnd);
        // One request per backoff round, not one per queued entry: about log2(cap/base) short rounds, then one per
        // cap. 21 entries waited; without the worker-wide backoff there would be far more attempts.
        long bound = 4 + outage.toMillis() / (long) (CAP.toMillis() * (1 - JITTER)) + 2;
        System.out.printf("outage %d ms: %d failed rounds (bound %d), entries per round %s%n", outage.toMillis(),
                failed.size(), bound, sizes);
        assertThat(failed.size()).isBetween(4, (int) bound);
        assertThat(sizes.subList(1, sizes.size())).as("entries per failed round after the first (probes)")
                .containsOnly(1);
        for (int i = 1; i < failed.size(); i++) {
            long gap = Duration.between(failed.get(i - 1), failed.get(i)).toMillis();
            long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(i - 1, 20));
            assertThat(gap).as("gap after failed round %d", i)
                    .isGreaterThanOrEqualTo((long) (ceiling * (1 - JITTER)) - 5)
                    .isLessThan(CAP.toMillis() + 1500);
        }
    }

    private static long failedRounds(List<Attempt> attempts) {
        return attempts.stream().filter(Attempt::failed).map(Attempt::round).distinct().count();
    }

    private static void awaitDrained(Outbox outbox) {
        Await.until("the outbox drained", Duration.ofSeconds(30), () -> outbox.status().waiting() == 0,
                outbox::status);
    }
}
