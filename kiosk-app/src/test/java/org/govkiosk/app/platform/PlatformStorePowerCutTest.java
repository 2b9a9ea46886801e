package org.govkiosk.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.app.cases.TestCases;
import org.govkiosk.app.outbox.Delivery;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.OutboxEntry;
import org.govkiosk.app.outbox.OutboxWorker;
import org.govkiosk.app.outbox.PayloadCipher;
import org.govkiosk.app.outbox.TestKeys;
import org.govkiosk.shared.retry.Backoff;
import org.govkiosk.testkit.PowerCutFs;
import org.govkiosk.testkit.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's power goes: its embedded store (H2, the default) lies on powercutfs; a terminal sends cases to it
 * over HTTP; at a random moment the platform's disk loses what it did not sync and the platform dies; it starts
 * again on what is left. Every case it answered 201 (with a receipt the terminal verified and confirmed) must be
 * in its store afterwards, since the terminal then dropped its copy.
 * Cuts: {@code GOVKIOSK_POWER_CUTS}, else 30.
 */
class PlatformStorePowerCutTest {

    private static final String TERMINAL = "terminal-store-cut";

    @RegisterExtension
    static final TestSeed SEED = new TestSeed();

    @TempDir
    Path dir;

    @Test
    void everyCaseAnswered201IsInTheStoreAfterThePowerComesBack() throws Exception {
        int cuts = Integer.parseInt(System.getenv().getOrDefault("GOVKIOSK_POWER_CUTS", "30"));
        Random random = SEED.random();
        KeyPair keys = TerminalKeys.generate();
        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        try (PowerCutFs disk = PowerCutFs.mount(Files.createDirectories(dir.resolve("platform-disk")));
             Outbox outbox = Outbox.open(dir.resolve("outbox.db"), new PayloadCipher(TestKeys.aes()),
                     Clock.systemUTC())) {
            Path store = Files.createDirectories(disk.path().resolve("store"));
            for (int cut = 0; cut < cuts; cut++) {
                RealPlatform platform = RealPlatform.http(store);
                AtomicPin pin = new AtomicPin();
                HttpPlatformClient client = new HttpPlatformClient(PlatformClientConfig.of(platform.baseUri(),
                        Set.of()), new RequestSigner(TERMINAL, keys.getPrivate(), Clock.systemUTC()), pin.pin(),
                        ReceiptAlarm.logOnly());
                platform.register(client, TERMINAL, keys.getPublic());
                OutboxWorker worker = new OutboxWorker(outbox, new PlatformOutboxSender(client),
                        new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), 0.2, random), Clock.systemUTC(),
                        Duration.ofMillis(50), new OutboxWorker.Listener() {
                            @Override
                            public void attempted(OutboxEntry entry, Delivery outcome, Instant at) {
                                if (outcome instanceof Delivery.Delivered) {
                                    confirmed.add(entry.idempotencyKey());
                                }
                            }
                        }).start();
                PlatformQueue queue = new PlatformQueue(outbox, worker::wake, TERMINAL, Clock.systemUTC());
                long until = System.nanoTime() + Duration.ofMillis(100 + random.nextInt(400)).toNanos();
                while (System.nanoTime() < until) {
                    queue.submit(TestCases.draft(Clock.systemUTC()));
                    Thread.sleep(5);
                }
                disk.cut();
                worker.close();
                try {
                    platform.close();
                } catch (RuntimeException deadDisk) {
                    // its disk answers nothing: the platform dies as a machine without power does
                }
                disk.powerOn();
            }
            RealPlatform after = RealPlatform.http(store);
            after.stop();
            Map<String, Integer> stored = after.storedKeys("cases");
            Set<String> missing = new java.util.HashSet<>(confirmed);
            missing.removeAll(stored.keySet());
            System.out.printf("platform store power-cut test (H2): %d cuts, %d cases answered 201, %d stored, %d"
                    + " missing%n", cuts, confirmed.size(), stored.size(), missing.size());
            assertThat(missing).as("cases the platform answered 201 and lost at a power cut").isEmpty();
        }
    }

    /** The platform's receipt key changes with each fresh store; the terminal pins whichever answers first. */
    private static final class AtomicPin {
        private final java.util.concurrent.atomic.AtomicReference<java.security.PublicKey> key =
                new java.util.concurrent.atomic.AtomicReference<>();

        PlatformKeyPin pin() {
            return PlatformKeyPin.of(java.util.Optional.empty(), key::set);
        }
    }
}
