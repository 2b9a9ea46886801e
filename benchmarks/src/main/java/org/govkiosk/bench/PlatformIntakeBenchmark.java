package org.govkiosk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.Applicant;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.IdType;
import org.govkiosk.api.Material;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.api.TerminalRegistration;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.PlatformServer;

/**
 * Issue 5: the reference platform's intake with many terminals at once. Starts platform-server on loopback with
 * an H2 file database, registers N terminals (each with its own Ed25519 key), and lets each submit cases as fast
 * as it gets answers, every request signed and stored. Prints cases/s and the per-request latency distribution.
 * Arguments: terminals (default 50), cases per terminal (default 100), warm-up cases per terminal (default 10).
 */
public final class PlatformIntakeBenchmark {

    private static final ObjectMapper JSON = ApiJson.lenient();

    /** Tokens of the platform under test; strong enough for its start-up check (128 bits). */
    private static final String ENROL = "bench-enrol-5Gq8Xv2Lm7Rt4Wn9";
    private static final String CLERK = "bench-clerk-3Hs6Yp1Kd8Vb5Zc2";

    private record Terminal(String id, RequestSigner signer) {
    }

    public static void main(String[] args) throws Exception {
        int terminals = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int perTerminal = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path db = Files.createTempDirectory("govkiosk-intake");
        PlatformConfig config = PlatformConfig.embedded().withTokens(ENROL, CLERK)
                .withDatabase("jdbc:h2:file:" + db.resolve("platform") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        ExecutorService clientThreads = Executors.newFixedThreadPool(8);
        HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
        try (PlatformServer server = PlatformServer.start(config)) {
            URI base = server.baseUri();
            List<Terminal> fleet = new ArrayList<>();
            for (int t = 0; t < terminals; t++) {
                KeyPair keys = TerminalKeys.generate();
                String id = String.format("bench-%03d", t);
                byte[] body = JSON.writeValueAsBytes(new TerminalRegistration(id, "HALL-1",
                        TerminalKeys.encodePublic(keys.getPublic()), ENROL, "bench", "1"));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + ApiPaths.TERMINALS))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("registration refused: " + r.statusCode() + " " + r.body());
                }
                fleet.add(new Terminal(id, new RequestSigner(id, keys.getPrivate(), Clock.systemUTC())));
            }
            run(http, base, fleet, warmup, "warm-up");
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            int failures = run(http, base, fleet, perTerminal, "run", latencies);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.println(Machine.describe());
            System.out.printf("platform-server intake, %d terminals x %d signed cases (H2 file, loopback)%n",
                    terminals, perTerminal);
            System.out.printf("  cases stored        %d in %.1f s = %.0f cases/s (%d failed)%n", sorted.size(),
                    seconds, sorted.size() / seconds, failures);
            System.out.printf("  latency per submit  median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
        } finally {
            clientThreads.shutdownNow();
        }
    }

    private static int run(HttpClient http, URI base, List<Terminal> fleet, int perTerminal, String tag)
            throws Exception {
        return run(http, base, fleet, perTerminal, tag, null);
    }

    /** Each terminal submits its cases one after another, as a terminal's outbox worker does. */
    private static int run(HttpClient http, URI base, List<Terminal> fleet, int perTerminal, String tag,
            List<Long> latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(fleet.size());
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (Terminal t : fleet) {
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < perTerminal; i++) {
                    String key = t.id() + "-" + tag + "-" + i;
                    byte[] body = JSON.writeValueAsBytes(new CaseSubmission(key, "local-" + key, t.id(), "ITEM-001",
                            "城乡居民养老保险参保登记", CaseKind.PROMISED,
                            new Applicant(IdType.RESIDENT_ID, "11010119900307123X", "张三丰", "13800138000", null),
                            Map.of("household", "本地"), List.of(new Material("M1", "户口簿", Material.Status.PROVIDED,
                                    Material.Source.SCAN, "sha256:ab")), Instant.now()));
                    URI uri = URI.create(base + ApiPaths.CASES);
                    HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                    t.signer().sign("POST", uri, body).asMap().forEach(b::header);
                    long s = System.nanoTime();
                    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - s;
                    if (r.statusCode() == 201) {
                        if (latencies != null) {
                            latencies.add(took);
                        }
                    } else {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return failures.get();
    }

    private static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }
}
