package org.govkiosk.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.PayloadCipher;
import org.govkiosk.app.security.TerminalKeyStore;
import org.govkiosk.testkit.PowerCutFs;
import org.govkiosk.testkit.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The power goes, not just the process: the terminal's data folder (outbox, key store) lies on powercutfs, which
 * keeps only what was synced. A terminal JVM queues cases to the reference platform over HTTP as fast as it can;
 * at a random moment the power is cut (the disk keeps what was durable, every later call fails) and the JVM dies
 * with it; the power comes back and the next terminal starts on what the disk kept. After the last cut the queue
 * drains, and every case the terminal told about (its key in the "enqueued" log, kept off the cut disk as a
 * citizen's printed receipt is) is on the platform, once.
 *
 * <p>Cuts: {@code GOVKIOSK_POWER_CUTS} (the full proof: 200), else 30, enough to cut inside commits and
 * checkpoints many times over in CI.
 */
class OutboxPowerCutTest {


    @RegisterExtension
    static final TestSeed SEED = new TestSeed();

    @TempDir
    Path dir;

    @Test
    void everyCaseToldQueuedReachesThePlatformExactlyOnceDespitePowerCuts() throws Exception {
        int cuts = Integer.parseInt(System.getenv().getOrDefault("GOVKIOSK_POWER_CUTS", "30"));
        Path log = dir.resolve("enqueued.log");
        Path childTmp = Files.createDirectories(dir.resolve("tmp"));
        Path nativeLib = OutboxCrashTest.extractSqliteNativeLibrary(childTmp);
        Random random = SEED.random();
        try (PowerCutFs disk = PowerCutFs.mount(Files.createDirectories(dir.resolve("terminal-disk")));
             RealPlatform platform = RealPlatform.http(Files.createDirectories(dir.resolve("platform")))) {
            // Made as the terminal makes its data folder (AppContext): named durably.
            Path data = org.govkiosk.app.security.OwnerOnly.directory(disk.path().resolve("data"));
            TerminalKeyStore keys = TerminalKeyStore.openOrCreate(data, OutboxCrashTest.PASSWORD.toCharArray());
            platform.register(new HttpPlatformClient(PlatformClientConfig.of(platform.baseUri(), Set.of()),
                    new RequestSigner(OutboxCrashTest.TERMINAL, keys.signingKeys().getPrivate(),
                            Clock.systemUTC()), PlatformKeyPin.of(keys.platformKey(), keys::pinPlatformKey),
                    ReceiptAlarm.logOnly()), OutboxCrashTest.TERMINAL,
                    keys.signingKeys().getPublic());
            Path archive = OutboxCrashTest.warmUp(childTmp, nativeLib, data, platform.baseUrl(), log);
            int notReady = 0;
            List<Long> readyMillis = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < cuts; i++) {
                Path ready = dir.resolve("ready-" + i);
                Process child = new ProcessBuilder(OutboxCrashTest.childCommand(childTmp, nativeLib, archive, data,
                        platform.baseUrl(), log, ready)).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("child.out").toFile())).start();
                if (OutboxCrashTest.awaitFile(ready, child, Duration.ofSeconds(60))) {
                    readyMillis.add(OutboxCrashTest.readyAfter(ready));
                } else {
                    notReady++;
                }
                Thread.sleep(random.nextInt(300)); // a random moment of its work: what the test simulates
                disk.cut();
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child %d ended", i).isTrue();
                disk.powerOn();
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            JourneyLedger ledger = JourneyLedger.read(log);
            TerminalKeyStore after = TerminalKeyStore.openOrCreate(data, OutboxCrashTest.PASSWORD.toCharArray());
            assertThat(after.signingKeys().getPublic()).as("the key store survived the cuts")
                    .isEqualTo(keys.signingKeys().getPublic());
            try (Outbox outbox = Outbox.open(data.resolve("outbox.db"), new PayloadCipher(after.dataKey()),
                    Clock.systemUTC())) {
                OutboxCrashTest.drain(platform, outbox, after, random, "the queue drained after the last cut");
                System.out.printf("power-cut test: %d cuts in %.1f s (%d before the child was ready; median start"
                        + " to first case %d ms), %d cases told queued, %d attempted, outbox %s%n", cuts, seconds,
                        notReady, OutboxCrashTest.median(readyMillis), ledger.told.size(), ledger.attempted.size(),
                        outbox.status());
                assertThat(outbox.status().dead()).as("dead letters").isZero();
            }
            platform.stop();
            JourneyLedger.Result result = ledger.check(platform);
            System.out.printf("power-cut test: %s%n", result);
            assertThat(ledger.told).as("the children queued cases").hasSizeGreaterThanOrEqualTo(cuts - notReady);
            // Exactly once, per journey: none lost to a cut, none made twice by a resend or a new key.
            assertThat(result.problems()).as("journeys lost or doubled: %s", result).isEmpty();
            assertThat(result.resubmittedJourneys()).as("journeys resubmitted under a new key").isPositive();
        }
    }
}
