package org.govkiosk.app.outbox.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.app.cases.TestCases;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.OutboxWorker;
import org.govkiosk.app.outbox.PayloadCipher;
import org.govkiosk.app.outbox.TestKeys;
import org.govkiosk.app.platform.HttpPlatformClient;
import org.govkiosk.app.platform.PlatformClientConfig;
import org.govkiosk.app.platform.PlatformOutboxSender;
import org.govkiosk.app.platform.PlatformQueue;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.shared.retry.Backoff;

/**
 * Prints the outbox's enqueue latency (each add fsync'd: WAL, synchronous=FULL) on the disk of {@code dir}, and
 * the drain throughput to the reference platform-server on loopback (embedded, H2 file in {@code dir}; signed
 * HTTP, the worker's default rounds). Not a test: it never fails on a
 * figure. Arguments: [dir (default: a temp dir)] [cases (default 500)].
 */
public final class OutboxBenchmark {

    private OutboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Files.createDirectories(Path.of(args[0])) : Files.createTempDirectory("outbox-bench");
        int cases = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path file = dir.resolve("bench-outbox-" + System.nanoTime() + ".db");
        Path platformDir = Files.createDirectories(dir.resolve("bench-platform-" + System.nanoTime()));
        String terminal = "bench-terminal";
        KeyPair keys = TerminalKeys.generate();
        try (RealPlatform platform = RealPlatform.http(platformDir);
             Outbox outbox = Outbox.open(file, new PayloadCipher(TestKeys.aes()), Clock.systemUTC())) {
            HttpPlatformClient client = new HttpPlatformClient(PlatformClientConfig.of(platform.baseUri(), Set.of()),
                    new RequestSigner(terminal, keys.getPrivate(), Clock.systemUTC()));
            platform.register(client, terminal, keys.getPublic());
            PlatformQueue queue = new PlatformQueue(outbox, () -> { }, terminal, Clock.systemUTC());
            for (int i = 0; i < 20; i++) { // warm-up, not measured
                queue.submit(TestCases.draft(Clock.systemUTC()));
            }
            long[] nanos = new long[cases];
            for (int i = 0; i < cases; i++) {
                var draft = TestCases.draft(Clock.systemUTC());
                long t0 = System.nanoTime();
                queue.submit(draft);
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            System.out.printf("enqueue (encrypt + insert + fsync), %d cases on %s: median %.2f ms, p99 %.2f ms,"
                    + " max %.2f ms%n", cases, dir, nanos[cases / 2] / 1e6, nanos[(int) (cases * 0.99)] / 1e6,
                    nanos[cases - 1] / 1e6);

            int total = outbox.status().waiting();
            long t0 = System.nanoTime();
            OutboxWorker worker = new OutboxWorker(outbox, new PlatformOutboxSender(client),
                    new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), 0.2, RandomGenerator.getDefault()),
                    Clock.systemUTC(), Duration.ofMillis(100), new OutboxWorker.Listener() {
                    }).start();
            try {
                while (outbox.status().waiting() > 0) {
                    Thread.sleep(5);
                }
            } finally {
                worker.close();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("drain to the platform-server on loopback (signed HTTP, H2 file; rounds of up to %d,"
                    + " %d requests in flight, one fsync'd confirmation per round), %d cases: %.1f s, %.0f cases/s;"
                    + " dead letters %d%n", OutboxWorker.DEFAULT_BATCH, OutboxWorker.DEFAULT_PARALLELISM, total,
                    seconds, total / seconds, outbox.status().dead());
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            }
            try (var files = Files.walk(platformDir)) {
                for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
