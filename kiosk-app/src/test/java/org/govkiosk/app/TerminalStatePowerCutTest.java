package org.govkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.govkiosk.app.audit.AuditLog;
import org.govkiosk.app.audit.AuditVerifier;
import org.govkiosk.app.maintenance.DeviceCounters;
import org.govkiosk.app.security.OwnerOnly;
import org.govkiosk.app.security.TerminalKeyStore;
import org.govkiosk.app.usage.UsageStatistics;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.testkit.PowerCutFs;
import org.govkiosk.testkit.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal's own state through power cuts, on powercutfs: its key store, its audit chain (every entry recorded
 * before the cut is there, and the chain verifies, or says exactly where the cut fell before the terminal repairs
 * it at start), its device counters and its usage statistics (every event counted before the cut is still
 * counted, but for the one being written when the power went). The components are opened in this JVM and abandoned
 * at each cut, as a process without power abandons them: every call they make afterwards fails.
 * Cuts: {@code GOVKIOSK_POWER_CUTS}, else 30.
 */
class TerminalStatePowerCutTest {

    private static final char[] PASSWORD = "power-cut".toCharArray();

    @RegisterExtension
    static final TestSeed SEED = new TestSeed();

    @TempDir
    Path dir;

    @Test
    void keysAuditChainCountersAndStatisticsComeBackAfterEveryCut() throws Exception {
        int cuts = Integer.parseInt(System.getenv().getOrDefault("GOVKIOSK_POWER_CUTS", "30"));
        Random random = SEED.random();
        Clock clock = Clock.systemUTC();
        long told = 0;
        int repairedTails = 0;
        try (PowerCutFs disk = PowerCutFs.mount(Files.createDirectories(dir.resolve("terminal-disk")))) {
            Path data = OwnerOnly.directory(disk.path().resolve("data"));
            byte[] signing = TerminalKeyStore.openOrCreate(data, PASSWORD).signingKeys().getPublic().getEncoded();
            for (int cut = 0; cut < cuts; cut++) {
                TerminalKeyStore keys = TerminalKeyStore.openOrCreate(data, PASSWORD);
                assertThat(keys.signingKeys().getPublic().getEncoded()).as("keys after cut %d", cut)
                        .isEqualTo(signing);
                Path audit = data.resolve("audit").resolve("audit.log");
                if (Files.exists(audit)) {
                    AuditVerifier.Result raw = AuditVerifier.verify(audit, keys.auditKey());
                    if (!raw.intact()) {
                        // Only the entry the power cut in half may be wrong, and it is the last line.
                        assertThat(raw.firstBadLine()).as("where the chain breaks: %s", raw)
                                .isEqualTo(Files.readAllLines(audit).size());
                        repairedTails++;
                    }
                }
                OwnerOnly.directory(audit.getParent());
                AuditLog log = AuditLog.open(audit, keys.auditKey(), clock);
                assertThat(AuditVerifier.verify(audit, keys.auditKey()).intact()).as("chain after cut %d", cut)
                        .isTrue();
                long found = Files.readAllLines(audit).stream().filter(l -> l.contains("\"case-told\"")).count();
                assertThat(found).as("audit entries recorded before cut %d", cut).isGreaterThanOrEqualTo(told);
                DeviceEventBus bus = new DeviceEventBus();
                DeviceCounters counters = DeviceCounters.open(data.resolve("device-counters.json"), bus);
                UsageStatistics usage = UsageStatistics.open(data.resolve("usage.db"), clock, ZoneId.systemDefault(),
                        Runnable::run);
                long counted = usage.lastDays(2).applicationsByItem().getOrDefault("item", 0L);
                // One usage event follows each audit entry; a cut may take the one in flight, no more.
                assertThat(counted).as("usage events counted before cut %d (of %d told)", cut, told)
                        .isGreaterThanOrEqualTo(told - cut);

                AtomicLong toldNow = new AtomicLong(told);
                Thread work = new Thread(() -> {
                    try {
                        while (true) {
                            long n = toldNow.get() + 1;
                            long seq = log.head().map(AuditLog.Head::seq).orElse(0L);
                            log.record("case-told", Map.of("n", Long.toString(n)));
                            if (log.head().map(AuditLog.Head::seq).orElse(0L) == seq) {
                                return; // not written (the audit says so and goes on): the power is off
                            }
                            toldNow.set(n); // recorded: the terminal may now tell the citizen
                            bus.publish(new DeviceEvent.QrScanned("qr-1", Instant.now(), "x",
                                    DeviceEvent.ScanSource.SERIAL));
                            usage.applicationSubmitted("item");
                            if (n % 7 == 0) {
                                counters.flush();
                            }
                        }
                    } catch (RuntimeException powerOff) {
                        // every call fails once the power is cut: the terminal is dead
                    }
                }, "power-cut-work");
                work.start();
                Thread.sleep(20 + random.nextInt(200)); // a random moment of its work: what the test simulates
                disk.cut();
                work.join(30_000);
                assertThat(work.isAlive()).as("the work stopped with the power").isFalse();
                told = toldNow.get();
                disk.powerOn();
                // The counters file is the old one or the new one, whole, never a torn one.
                assertThat(DeviceCounters.open(data.resolve("device-counters.json"), new DeviceEventBus()).all())
                        .as("counters after cut %d", cut).isNotNull();
            }
            System.out.printf("terminal state power-cut test: %d cuts, %d audit entries told, %d torn last entries"
                    + " found and repaired at start%n", cuts, told, repairedTails);
            assertThat(told).as("work done between cuts").isGreaterThan(cuts);
        }
    }
}
