package org.govkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.PadRegistration;
import org.govkiosk.api.RatingRequest;
import org.govkiosk.api.RatingRequestReceipt;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The province's deployment on loopback: three platform instances (child JVMs, so they can be killed) on one
 * PostgreSQL behind HAProxy, health-checked on the platform's health endpoint, the instances started with
 * {@code behind-tls-proxy} so the client address is HAProxy's {@code X-Forwarded-For}. Terminals submit signed cases
 * through the balancer and pads hold their event streams through it while one instance is SIGKILLed and another
 * restarted. Every case is answered 201 once and stored once, the balancer stops sending to the dead instance once
 * its check marks it down, and every pad ends up with its window's last request, its event ids rising across
 * reconnects. The kill comes at a third of {@code GOVKIOSK_LB_CASES} cases (240 by default), the restart at two
 * thirds, and the load goes on until the restarted instance has served again: a few seconds to a quarter minute.
 * The restart fails no request, of the terminals or of the clerk: the SIGTERM'd instance fails its health check
 * first and serves on until HAProxy has marked it down ({@code drain-seconds}), then ends its pads' streams (they
 * reconnect to the others) and stops.
 */
class LoadBalancedInstancesTest {

    private static final Logger LOG = LoggerFactory.getLogger(LoadBalancedInstancesTest.class);
    private static final int TERMINALS = 8;
    private static final int WINDOWS = 4;
    private static final int CASES_PER_RATING_REQUEST = 3;
    private static final int CHECK_INTER_MILLIS = 500;
    private static final int CHECK_FALL = 2;
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** When each rating request was first posted (System.nanoTime), by request id. */
    private final Map<String, Long> posted = new ConcurrentHashMap<>();

    @Test
    void casesAndPadsSurviveAKilledAndARestartedInstanceBehindHaproxy() throws Exception {
        assumeTrue(PostgresCluster.unavailableReason().isEmpty(),
                () -> "skipped: " + PostgresCluster.unavailableReason().orElse(""));
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/haproxy")), "skipped: HAProxy is not installed (haproxy)");
        int total = Integer.parseInt(System.getenv().getOrDefault("GOVKIOSK_LB_CASES", "240"));
        String db = PostgresCluster.shared().createDatabase();
        List<ChildPlatform> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            instances.add(new ChildPlatform("p" + (i + 1), freePort(), db, dir, http));
        }
        Process haproxy = null;
        try {
            // One after the other: the first migrates the database and makes the signing keys the others read.
            for (ChildPlatform in : instances) {
                in.start();
                in.awaitHealthy();
            }
            int statsPort = freePort();
            int port = freePort();
            haproxy = startHaproxy(port, statsPort, instances);
            URI lb = URI.create("http://127.0.0.1:" + port);
            URI stats = URI.create("http://127.0.0.1:" + statsPort + "/stats;csv");
            Await.until("HAProxy sees all three up", START, () -> instances.stream()
                    .allMatch(in -> "UP".equals(status(stats, in.name))));
            run(total, lb, stats, instances, db);
        } finally {
            if (haproxy != null) {
                haproxy.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ChildPlatform in : instances) {
                in.kill();
            }
        }
    }

    private void run(int total, URI lb, URI stats, List<ChildPlatform> instances, String db) throws Exception {
        List<TestTerminal> terminals = new ArrayList<>();
        for (int t = 0; t < TERMINALS; t++) {
            terminals.add(new TestTerminal(lb, "T-LB-" + t, Clock.systemUTC()).registered(RunningPlatform.ENROLMENT));
        }
        List<StreamingPad> pads = new ArrayList<>();
        for (int w = 1; w <= WINDOWS; w++) {
            TestTerminal pad = new TestTerminal(lb, "PAD-LB-" + w, Clock.systemUTC())
                    .registered(RunningPlatform.ENROLMENT);
            HttpResponse<String> bound = pad.post(ApiPaths.PADS, new PadRegistration(pad.id, "HALL-1", "W-" + w));
            assertThat(bound.statusCode()).as(bound.body()).isEqualTo(200);
            pads.add(new StreamingPad(pad, "W-" + w, lb));
        }
        pads.forEach(StreamingPad::start);
        Await.until("every pad streams", START, () -> pads.stream().allMatch(p -> p.connects.get() > 0));

        Map<String, Integer> created = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger failuresWhileDown = new AtomicInteger();
        AtomicInteger failuresInRestart = new AtomicInteger();
        AtomicLong longestFailure = new AtomicLong();
        AtomicLong lastAcknowledged = new AtomicLong();
        // The load lasts at least until the restarted instance has served again.
        AtomicBoolean loadMayEnd = new AtomicBoolean();
        AtomicBoolean markedDown = new AtomicBoolean();
        AtomicBoolean restarting = new AtomicBoolean();
        List<Long> latencies = new CopyOnWriteArrayList<>();
        // The windows ask for ratings at the pace the hall serves: one request per few cases.
        Semaphore windowsServed = new Semaphore(0);
        List<Thread> senders = new ArrayList<>();
        long started = System.nanoTime();
        int perTerminal = Math.max(1, total / TERMINALS);
        for (TestTerminal t : terminals) {
            Thread s = new Thread(() -> {
                for (int k = 0; k < perTerminal || !loadMayEnd.get(); k++) {
                    String key = t.id + "-" + k;
                    while (true) {
                        long t0 = System.nanoTime();
                        // From the moment the check marked the killed instance down, through the restart.
                        boolean sentWhileDown = markedDown.get();
                        boolean sentInRestart = restarting.get();
                        int status;
                        try {
                            status = t.post(ApiPaths.CASES, Fixtures.submission(t.id, key)).statusCode();
                        } catch (IOException e) {
                            status = -1;
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (status == 201 || status == 200) {
                            latencies.add(System.nanoTime() - t0);
                            if (status == 201) {
                                created.merge(key, 1, Integer::sum);
                            }
                            lastAcknowledged.accumulateAndGet(System.nanoTime(), Math::max);
                            if (acknowledged.incrementAndGet() % CASES_PER_RATING_REQUEST == 0) {
                                windowsServed.release();
                            }
                            break;
                        }
                        failures.incrementAndGet();
                        longestFailure.accumulateAndGet(System.nanoTime() - t0, Math::max);
                        if (sentWhileDown) {
                            failuresWhileDown.incrementAndGet();
                        }
                        if (sentInRestart) {
                            failuresInRestart.incrementAndGet();
                        }
                        // The terminal's outbox waits a little and sends again, with the same key.
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "lb-terminal-" + t.id);
            s.setDaemon(true); // a failed test leaves no load running behind it
            senders.add(s);
            s.start();
        }
        Map<String, RatingRequestReceipt> lastRequest = new ConcurrentHashMap<>();
        AtomicBoolean loadDone = new AtomicBoolean();
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger clerkFailuresWhileDown = new AtomicInteger();
        Thread clerk = new Thread(() -> {
            int n = 0;
            while (!loadDone.get()) {
                try {
                    if (!windowsServed.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                } catch (InterruptedException e) {
                    return;
                }
                // A try that failed (its instance died) is made again, as the window system would.
                while (true) {
                    boolean sentWhileDown = markedDown.get();
                    if (ask(lb, "W-" + (n % WINDOWS + 1), "CASE-LB-" + n, lastRequest)) {
                        break;
                    }
                    if (sentWhileDown) {
                        clerkFailuresWhileDown.incrementAndGet();
                    }
                }
                asked.incrementAndGet();
                n++;
            }
            for (int w = 1; w <= WINDOWS; w++) {
                while (!ask(lb, "W-" + w, "CASE-LB-LAST-" + w, lastRequest)) {
                    continue;
                }
                asked.incrementAndGet();
            }
        }, "lb-clerk");
        clerk.setDaemon(true);
        clerk.start();

        ChildPlatform killed = instances.get(0);
        ChildPlatform restarted = instances.get(1);
        Await.until("a third of the cases answered", START, () -> acknowledged.get() >= perTerminal * TERMINALS / 3);
        long killedAt = System.nanoTime();
        killed.kill();
        Await.until("HAProxy marks the killed instance down", START, () -> "DOWN".equals(status(stats, killed.name)));
        long downAfter = System.nanoTime() - killedAt;
        markedDown.set(true);
        int failuresAtDown = failures.get();
        Await.until("two thirds of the cases answered", START,
                () -> acknowledged.get() >= 2 * perTerminal * TERMINALS / 3);
        restarting.set(true);
        int failuresBeforeRestart = failures.get();
        long stopAsked = System.nanoTime();
        restarted.stop();
        long stopTook = System.nanoTime() - stopAsked;
        restarted.start();
        restarted.awaitHealthy();
        Await.until("HAProxy takes the restarted instance back", START,
                () -> "UP".equals(status(stats, restarted.name)));
        long servedBefore = sessions(stats, restarted.name);
        int ackedAtUp = acknowledged.get();
        Await.until("the restarted instance serves cases again", START,
                () -> acknowledged.get() >= ackedAtUp + TERMINALS * 5
                        && sessions(stats, restarted.name) > servedBefore);
        loadMayEnd.set(true);
        for (Thread s : senders) {
            s.join(TimeUnit.MINUTES.toMillis(5));
            assertThat(s.isAlive()).as(s.getName() + " finished").isFalse();
        }
        // To the last case answered (the restart may still be under way when the load is done).
        double seconds = (lastAcknowledged.get() - started) / 1e9;
        loadDone.set(true);
        clerk.join(TimeUnit.MINUTES.toMillis(2));
        assertThat(clerk.isAlive()).as("the clerk finished").isFalse();
        for (StreamingPad p : pads) {
            String last = lastRequest.get(p.window).requestId();
            Await.until("pad of " + p.window + " has its window's last request", START,
                    () -> p.requests.contains(last));
        }
        pads.forEach(StreamingPad::stop);

        // Every case answered 201 once, and each stored exactly once.
        int expected = acknowledged.get();
        assertThat(expected).isGreaterThanOrEqualTo(perTerminal * TERMINALS);
        assertThat(created.values()).allMatch(n -> n == 1);
        Map<String, Integer> stored = storedCases(db);
        assertThat(stored).hasSize(expected).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
        assertThat(stored.keySet()).containsAll(created.keySet());
        // Once the check marked the killed instance down, no request went to it; the SIGTERM restart after it
        // failed none either (the instance drained: its check failed while it served on).
        assertThat(failuresWhileDown.get()).as("failed requests after the dead instance was marked down, through"
                + " the restart (%d of them during the restart)", failuresInRestart.get()).isZero();
        assertThat(clerkFailuresWhileDown.get()).as("failed rating requests after the dead instance was marked down,"
                + " through the restart").isZero();
        for (StreamingPad p : pads) {
            assertThat(p.ids).as("event ids of " + p.window).isSorted().doesNotHaveDuplicates();
        }
        // Behind the proxy the client is HAProxy's X-Forwarded-For (set from the real source, never passed on):
        // wrong tokens from one source lock it out whatever X-Forwarded-For it sends itself.
        for (int i = 0; i <= 5; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(lb + ApiPaths.CLERK_TERMINALS))
                    .header("Authorization", "Bearer wrong-" + i).header("X-Forwarded-For", "203.0.113." + i)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("try %d: %s", i, r.body()).isEqualTo(i < 5 ? 401 : 429);
        }

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        // Push latency: from posting the request to the pad reading it, on streams open before it was posted
        // (what a pad got by Last-Event-ID after a reconnect is counted apart).
        List<Long> pushes = new ArrayList<>();
        int replayed = 0;
        for (StreamingPad p : pads) {
            for (Map.Entry<String, long[]> e : p.received.entrySet()) {
                Long t0 = posted.get(e.getKey());
                if (t0 == null) {
                    continue;
                }
                if (e.getValue()[1] < t0) {
                    pushes.add(e.getValue()[0] - t0);
                } else {
                    replayed++;
                }
            }
        }
        Collections.sort(pushes);
        assertThat(pushes).as("requests pushed live to a pad").isNotEmpty();
        LOG.info("Pad push through HAProxy, any instance to any instance: {} live, median {} ms, p99 {} ms, max {} ms;"
                + " {} got on reconnect", pushes.size(), pushes.get(pushes.size() / 2) / 1_000_000,
                pushes.get(pushes.size() * 99 / 100) / 1_000_000, pushes.get(pushes.size() - 1) / 1_000_000, replayed);
        LOG.info("Behind HAProxy, 3 instances on one PostgreSQL, {} terminals: {} cases in {} s ({} cases/s),"
                + " p50 {} ms, p99 {} ms; {} failed tries retried ({} before the check marked the killed instance"
                + " down, {} ms after the kill; check every {} ms, down after {}; the longest failed try {} ms);"
                + " {} rating requests, {} pad reconnects; the SIGTERM'd instance stopped in {} ms (drain {} s), {} tries"
                + " failed during its restart", TERMINALS, expected, String.format("%.1f", seconds),
                String.format("%.0f", expected / seconds), sorted.get(sorted.size() / 2) / 1_000_000,
                sorted.get(sorted.size() * 99 / 100) / 1_000_000, failures.get(), failuresAtDown,
                downAfter / 1_000_000, CHECK_INTER_MILLIS, CHECK_FALL, longestFailure.get() / 1_000_000, asked.get(),
                pads.stream().mapToInt(p -> p.connects.get() - 1).sum(), stopTook / 1_000_000,
                ChildPlatform.DRAIN_SECONDS, failures.get() - failuresBeforeRestart);
    }

    private boolean ask(URI lb, String window, String caseNumber, Map<String, RatingRequestReceipt> last) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(lb + ApiPaths.CLERK_RATING_REQUESTS))
                    .header("Authorization", "Bearer " + RunningPlatform.CLERK)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(TestTerminal.JSON.writeValueAsString(new RatingRequest(
                            "HALL-1", window, caseNumber, "1", "ITEM-001", "城乡居民养老保险参保登记", "CLERK-7",
                            "李明")))).build(), HttpResponse.BodyHandlers.ofString());
            // 200: a try whose answer was lost (its instance died) had stored it; this is the same request.
            if (r.statusCode() != 201 && r.statusCode() != 200) {
                return false;
            }
            RatingRequestReceipt receipt = TestTerminal.JSON.readValue(r.body(), RatingRequestReceipt.class);
            last.put(window, receipt);
            posted.putIfAbsent(receipt.requestId(), t0);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, Integer> storedCases(String db) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db, PostgresCluster.USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT idempotency_key, COUNT(*) FROM cases GROUP BY idempotency_key")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    /** How many requests HAProxy has sent one server of the backend so far. */
    private long sessions(URI stats, String server) {
        String stot = field(stats, server, 7);
        return stot.matches("\\d+") ? Long.parseLong(stot) : -1;
    }

    /** HAProxy's status of one server of the backend (UP, DOWN, ...), from its CSV statistics. */
    private String status(URI stats, String server) {
        return field(stats, server, 17).split(" ")[0];
    }

    private String field(URI stats, String server, int index) {
        String csv;
        try {
            csv = http.send(HttpRequest.newBuilder(stats).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
        for (String line : csv.split("\n")) {
            String[] f = line.split(",", -1);
            if (f.length > index && f[0].equals("platform") && f[1].equals(server)) {
                return f[index];
            }
        }
        return "?";
    }

    private Process startHaproxy(int port, int statsPort, List<ChildPlatform> instances) throws IOException {
        StringBuilder servers = new StringBuilder();
        for (ChildPlatform in : instances) {
            servers.append("    server ").append(in.name).append(" 127.0.0.1:").append(in.port).append(" check\n");
        }
        Path cfg = Files.writeString(dir.resolve("haproxy.cfg"), """
                global
                    maxconn 4000
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 60s
                    timeout server 60s
                    retries 3
                    option redispatch
                frontend api
                    bind 127.0.0.1:%d
                    # The client is who connected here, never what the client says it is.
                    http-request set-header X-Forwarded-For %%[src]
                    default_backend platform
                backend platform
                    balance roundrobin
                    option httpchk GET %s
                    http-check expect status 200
                    default-server inter %dms fall %d rise 2
                %sfrontend stats
                    bind 127.0.0.1:%d
                    stats enable
                    stats uri /stats
                """.formatted(port, ApiPaths.HEALTH, CHECK_INTER_MILLIS, CHECK_FALL, servers, statsPort));
        return new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
