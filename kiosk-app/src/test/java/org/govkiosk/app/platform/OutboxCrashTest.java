package org.govkiosk.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.OutboxWorker;
import org.govkiosk.app.outbox.PayloadCipher;
import org.govkiosk.app.security.TerminalKeyStore;
import org.govkiosk.shared.retry.Backoff;
import org.govkiosk.testkit.Await;
import org.govkiosk.testkit.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal JVM that queues and sends cases to the reference platform-server (embedded in this JVM, H2 file) is
 * killed with SIGKILL at random moments, again and again; after the last restart the queue drains and the
 * platform's own database holds every case the terminal ever reported queued, once.
 * {@code -Dgovkiosk.crash.kills=N} shrinks the run for local iterations (default 200).
 */
class OutboxCrashTest {

    static final String PASSWORD = "crash-test-password";
    static final String TERMINAL = "terminal-crash";

    /** When each child is killed, and the drain's jitter; a failure names the seed to replay it with. */
    @RegisterExtension
    static final TestSeed SEED = new TestSeed();

    @TempDir
    Path dir;

    @Test
    void everyQueuedCaseReachesThePlatformExactlyOnceDespiteKills() throws Exception {
        int kills = Integer.getInteger("govkiosk.crash.kills", 200);
        Path data = dir.resolve("data");
        Path log = dir.resolve("enqueued.log");
        Path childTmp = Files.createDirectories(dir.resolve("tmp"));
        TerminalKeyStore keys = TerminalKeyStore.openOrCreate(data, PASSWORD.toCharArray());
        Path nativeLib = extractSqliteNativeLibrary(childTmp);
        Random random = SEED.random();
        List<Long> readyMillis = new ArrayList<>();
        try (RealPlatform platform = RealPlatform.http(Files.createDirectories(dir.resolve("platform")))) {
            // The terminal registers its key once, through its own client, as at its first start in a hall.
            // The platform's receipt key is pinned in the key store then, where the children find it.
            platform.register(new HttpPlatformClient(PlatformClientConfig.of(platform.baseUri(), Set.of()),
                    new RequestSigner(TERMINAL, keys.signingKeys().getPrivate(), Clock.systemUTC()),
                    PlatformKeyPin.of(keys.platformKey(), keys::pinPlatformKey), ReceiptAlarm.logOnly()), TERMINAL,
                    keys.signingKeys().getPublic());
            Path archive = warmUp(childTmp, nativeLib, data, platform.baseUrl(), log);
            long started = System.nanoTime();
            int notReady = 0;
            for (int i = 0; i < kills; i++) {
                Path ready = dir.resolve("ready-" + i);
                Process child = new ProcessBuilder(
                        childCommand(childTmp, nativeLib, archive, data, platform.baseUrl(), log, ready))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("child.out").toFile()))
                        .start();
                if (!awaitFile(ready, child, Duration.ofSeconds(30))) {
                    notReady++;
                } else {
                    readyMillis.add(readyAfter(ready));
                }
                // A random moment of the child's work to kill it at: what the test simulates, not a wait.
                Thread.sleep(random.nextInt(300));
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child %d ended", i).isTrue();
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            JourneyLedger ledger = JourneyLedger.read(log);

            // Restart once more, in-process, and let the queue drain.
            try (Outbox outbox = Outbox.open(data.resolve("outbox.db"), new PayloadCipher(keys.dataKey()),
                    Clock.systemUTC())) {
                drain(platform, outbox, keys, random, "the queue drained after the last kill");
                System.out.printf("crash test: %d kills in %.1f s (%d before the child was ready; median start"
                        + " to first case %d ms), %d cases enqueued, %d attempted, outbox %s%n", kills, seconds,
                        notReady, median(readyMillis), ledger.told.size(), ledger.attempted.size(),
                        outbox.status());
                assertThat(outbox.status().waiting()).as("waiting after the drain").isZero();
                assertThat(outbox.status().dead()).as("dead letters").isZero();
                assertThat(outbox.recovery()).isEmpty();
            }
            // Read from the platform's own database, after it stopped: what it committed, nothing in flight.
            platform.stop();
            JourneyLedger.Result result = ledger.check(platform);
            System.out.printf("crash test: %s%n", result);
            assertThat(ledger.told).as("the children queued cases").hasSizeGreaterThanOrEqualTo(kills - notReady);
            // Exactly once, per journey: each journey told submitted is one case on the platform, however often a
            // killed terminal resent it and though some were resubmitted under a new key.
            assertThat(result.problems()).as("journeys lost or doubled: %s", result).isEmpty();
            assertThat(result.resubmittedJourneys()).as("journeys resubmitted under a new key").isPositive();
        }
    }

    /** The terminal restarted in this JVM, sending until its queue is empty. */
    static void drain(RealPlatform platform, Outbox outbox, TerminalKeyStore keys, Random random, String what)
            throws Exception {
        HttpPlatformClient client = new HttpPlatformClient(PlatformClientConfig.of(platform.baseUri(), Set.of()),
                new RequestSigner(TERMINAL, keys.signingKeys().getPrivate(), Clock.systemUTC()),
                PlatformKeyPin.of(keys.platformKey(), keys::pinPlatformKey), ReceiptAlarm.logOnly());
        OutboxWorker worker = new OutboxWorker(outbox, new PlatformOutboxSender(client),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), 0.2, random),
                Clock.systemUTC(), Duration.ofMillis(100), new OutboxWorker.Listener() {
                }).start();
        try {
            Await.until(what, Duration.ofSeconds(120), () -> outbox.status().waiting() == 0, outbox::status);
        } finally {
            worker.close();
        }
    }

    static List<String> childCommand(Path childTmp, Path nativeLib, Path archive, Path data, String url,
            Path log, Path ready) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        if (archive != null) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx128m");
        // sqlite-jdbc unpacks its native library to the temp dir; a killed JVM cannot delete it.
        command.add("-Djava.io.tmpdir=" + childTmp);
        command.add("-Dorg.sqlite.lib.path=" + nativeLib.getParent());
        command.add("-Dorg.sqlite.lib.name=" + nativeLib.getFileName());
        command.add("-cp");
        command.add(childClassPath(childTmp));
        command.add(CrashChild.class.getName());
        command.addAll(List.of(data.toString(), url, TERMINAL, log.toString(), ready.toString()));
        return command;
    }

    /**
     * One child that exits normally after its first case and writes a class-data archive (AppCDS) on exit; the
     * killed children start from it, which roughly halves their start. Without the archive they run anyway.
     */
    static Path warmUp(Path childTmp, Path nativeLib, Path data, String url, Path log) throws Exception {
        Path archive = childTmp.resolve("crash-child.jsa");
        List<String> command = childCommand(childTmp, nativeLib, null, data, url, log, childTmp.resolve("warm"));
        command.add(1, "-XX:ArchiveClassesAtExit=" + archive);
        command.add("exit");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(childTmp.resolve("warm-up.out").toFile())).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("warm-up child ended").isTrue();
        assertThat(p.exitValue()).as("warm-up child exit: %s", Files.readString(childTmp.resolve("warm-up.out")))
                .isZero();
        return Files.exists(archive) ? archive : null;
    }

    /**
     * The child needs only these; leaving out the UI and logging jars makes each start cheaper. Class directories
     * are packed into jars because a class-data archive accepts only jars.
     */
    private static String childClassPath(Path childTmp) throws IOException {
        StringBuilder cp = new StringBuilder();
        int dirs = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            // Class folders in a `test` run; the project's own modules come as jars in a `verify` run (CI).
            boolean needed = entry.endsWith("classes") || name.startsWith("jackson-") || name.startsWith("sqlite-jdbc")
                    || name.startsWith("slf4j-api") || name.startsWith("platform-api")
                    || name.startsWith("shared-blocks") || name.startsWith("personal-data")
                    || name.startsWith("bcprov-");
            if (needed) {
                String jar = entry;
                if (Files.isDirectory(path)) {
                    Path packed = childTmp.resolve("classes-" + dirs++ + ".jar");
                    if (!Files.exists(packed)) {
                        jar(path, packed);
                    }
                    jar = packed.toString();
                }
                cp.append(cp.length() == 0 ? "" : File.pathSeparator).append(jar);
            }
        }
        return cp.toString();
    }

    private static void jar(Path dir, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    /** Once, so that no child unpacks (and, killed, leaves behind) its own copy. */
    static Path extractSqliteNativeLibrary(Path into) throws Exception {
        String folder = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
        String resource = "/org/sqlite/native/" + folder + "/" + System.mapLibraryName("sqlitejdbc");
        Path target = into.resolve(System.mapLibraryName("sqlitejdbc"));
        try (var in = org.sqlite.JDBC.class.getResourceAsStream(resource)) {
            assertThat(in).as("sqlite native library " + resource).isNotNull();
            Files.copy(in, target);
        }
        return target;
    }

    static long readyAfter(Path ready) {
        try {
            return Long.parseLong(Files.readString(ready).strip());
        } catch (Exception e) {
            return -1;
        }
    }

    static long median(List<Long> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    static boolean awaitFile(Path file, Process child, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                return true;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the crash child died by itself (exit " + child.exitValue()
                        + "); see child.out in " + file.getParent());
            }
            Thread.sleep(5);
        }
        return false;
    }

}
