package org.govkiosk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.PostgresCluster;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.testkit.Await;
import org.govkiosk.testkit.PowerCutFs;
import org.govkiosk.testkit.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database machine's power goes: PostgreSQL runs, as in production (fsync on), with its data folder on
 * powercutfs, which keeps only what was synced; the platform takes cases from a terminal that sends them without
 * pause on a thread of its own, so a cut falls anywhere, inside commits too. At a random moment the power is cut:
 * the disk keeps what was durable and every PostgreSQL process dies at once; the power comes back and PostgreSQL
 * recovers from what is left. Every case the platform answered 201 (or 200, a resend) must then be in the database,
 * since the terminal dropped its copy on that answer.
 *
 * <p>Cuts: {@code GOVKIOSK_POWER_CUTS} (the full proof: 200), else 30. The mutant: {@code
 * -Dgovkiosk.powercut.pg.fsync=off} runs PostgreSQL with fsync off, and the test must fail.
 */
class PostgresPowerCutTest {

    private static final String TERMINAL = "T-PG-CUT";

    @RegisterExtension
    static final TestSeed SEED = new TestSeed();

    @TempDir
    Path dir;

    @Test
    void everyCaseAnsweredIsInPostgresAfterThePowerComesBack() throws Exception {
        assumeTrue(PostgresCluster.unavailableReason().isEmpty(),
                () -> "skipped: " + PostgresCluster.unavailableReason().orElse(""));
        int cuts = Integer.parseInt(System.getenv().getOrDefault("GOVKIOSK_POWER_CUTS", "30"));
        boolean fsync = !"off".equals(System.getProperty("govkiosk.powercut.pg.fsync"));
        Random random = SEED.random();
        // PostgreSQL runs as nobody (it refuses root): the folders on its way must be open to it.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path work = Files.createDirectories(dir.resolve("pg"));
        Path disk = Files.createDirectories(work.resolve("disk"));
        for (Path p : List.of(work, disk)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        PostgresCluster pg = PostgresCluster.prepare(work, disk.resolve("data"), work.resolve("mnt").resolve("data"),
                fsync);
        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        long started = System.nanoTime();
        String url;
        try (PowerCutFs fs = PowerCutFs.mount(work, PowerCutFs.Option.OTHER_USERS, PowerCutFs.Option.LINUX_NAMES); PostgresCluster cluster = pg) {
            pg.startServer();
            url = pg.createDatabase();
            PlatformConfig config = PlatformConfig.embedded()
                    .withTokens(RunningPlatform.ENROLMENT, RunningPlatform.CLERK)
                    .withDatabase(url, PostgresCluster.USER, null);
            try (PlatformServer server = PlatformServer.start(config)) {
                TestTerminal terminal = new TestTerminal(server.baseUri(), TERMINAL, Clock.systemUTC())
                        .registered(RunningPlatform.ENROLMENT);
                for (int cut = 0; cut < cuts; cut++) {
                    awaitServing(terminal, pg, cut);
                    AtomicBoolean on = new AtomicBoolean(true);
                    Thread sender = new Thread(() -> {
                        while (on.get()) {
                            String key = UUID.randomUUID().toString();
                            sent.incrementAndGet();
                            try {
                                HttpResponse<String> r = terminal.post(ApiPaths.CASES,
                                        Fixtures.submission(TERMINAL, key));
                                if (r.statusCode() == 201 || r.statusCode() == 200) {
                                    answered.add(key);
                                }
                            } catch (Exception refused) {
                                // No answer is no promise: the terminal would keep the case and send it again.
                            }
                        }
                    }, "terminal");
                    sender.start();
                    Thread.sleep(100 + random.nextInt(400)); // a random moment of its work: what the test simulates
                    fs.cut();
                    pg.killHard();
                    on.set(false);
                    sender.join(Duration.ofSeconds(60).toMillis());
                    assertThat(sender.isAlive()).as("the sender stopped").isFalse();
                    fs.powerOn();
                    pg.startServer();
                }
            }
            Set<String> stored = new HashSet<>();
            try (Connection c = DriverManager.getConnection(url, PostgresCluster.USER, "");
                 PreparedStatement ps = c.prepareStatement("SELECT idempotency_key FROM cases WHERE terminal_id = ?")) {
                ps.setString(1, TERMINAL);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getString(1));
                    }
                }
            }
            Set<String> missing = new HashSet<>(answered);
            missing.removeAll(stored);
            System.out.printf("platform store power-cut test (PostgreSQL, fsync %s): %d cuts in %.1f s, %d cases"
                    + " sent, %d answered 201, %d stored, %d missing%n", fsync ? "on" : "off", cuts,
                    (System.nanoTime() - started) / 1e9, sent.get(), answered.size(), stored.size(), missing.size());
            assertThat(answered).as("cases answered between the cuts").hasSizeGreaterThanOrEqualTo(cuts);
            assertThat(missing).as("cases PostgreSQL committed, the platform answered, and the power cut lost")
                    .isEmpty();
        }
    }

    /** After a power-on, the platform's pool finds the database back; until then it answers 503. */
    private static void awaitServing(TestTerminal terminal, PostgresCluster pg, int cut) {
        java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>();
        Await.until("the platform serving again after power-on " + cut, Duration.ofSeconds(60), () -> {
            try {
                HttpResponse<String> r = terminal.post(ApiPaths.HEARTBEATS, new Heartbeat(TERMINAL,
                        Clock.systemUTC().instant(), null, 0, List.of()));
                last.set(r.statusCode() + " " + r.body());
                return r.statusCode() == 200;
            } catch (Exception notYet) {
                last.set(notYet.toString());
                return false;
            }
        }, () -> last.get() + "\nPostgreSQL's log:\n" + pg.logTail(30));
    }
}
