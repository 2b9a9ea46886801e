package org.govkiosk.platform.pads.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.PadRegistration;
import org.govkiosk.api.RatingRequest;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.TestTerminal;

/**
 * Request-to-pad latency with many pads connected: the reference platform on loopback (H2 in memory), N pads each
 * at its own window holding a real signed SSE stream, and the window business system's clerk requests. Latency is
 * from just before the clerk's POST is sent to the moment the pad's client has read the event's data line.
 * Prints figures; fails nothing. Args: [pads=500] [requests=1000] [concurrent senders=8].
 */
public final class PadLatencyBench {

    private static final String CLERK = "bench-clerk-3Hs6Yp1Kd8Vb5Zc2";
    private static final String ENROL = "bench-enrol-5Gq8Xv2Lm7Rt4Wn9";

    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private PlatformServer server;

    public static void main(String[] args) throws Exception {
        int pads = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int senders = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        new PadLatencyBench().run(pads, requests, senders);
        System.exit(0);
    }

    private void run(int pads, int requests, int senders) throws Exception {
        server = PlatformServer.start(PlatformConfig.embedded().withTokens(ENROL, CLERK));
        System.out.printf("Pads benchmark: %d pads on loopback, %d requests, %d cores, JVM %s%n", pads, requests,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        long t0 = System.nanoTime();
        List<TestTerminal> terminals = new ArrayList<>();
        for (int i = 0; i < pads; i++) {
            TestTerminal t = new TestTerminal(server.baseUri(), "PAD-" + i, Clock.systemUTC(), http)
                    .registered(ENROL);
            HttpResponse<String> bound = t.post(ApiPaths.PADS, new PadRegistration(t.id, "HALL-1", "W-" + i));
            if (bound.statusCode() != 200) {
                throw new IllegalStateException("pad registration failed: " + bound.body());
            }
            terminals.add(t);
        }
        long enrolled = System.nanoTime();
        CountDownLatch hellos = new CountDownLatch(pads);
        for (TestTerminal t : terminals) {
            connect(t, hellos);
        }
        if (!hellos.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (pads - hellos.getCount()) + " pads connected");
        }
        long connected = System.nanoTime();
        System.out.printf("  enrolled and bound %d pads in %d ms; %d streams open in %d ms%n", pads,
                ms(enrolled - t0), pads, ms(connected - enrolled));

        phase("warm-up (not counted)", Math.min(200, requests), 1, pads, "warm");
        phase("one clerk request at a time", requests, 1, pads, "seq");
        phase(senders + " windows asking at once", requests, senders, pads, "par");
        Runtime rt = Runtime.getRuntime();
        System.out.printf("  heap used after the run: %d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        server.close();
    }

    private void phase(String name, int requests, int senders, int pads, String tag) throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long start = System.nanoTime();
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            work.add(CompletableFuture.runAsync(() -> {
                for (int i; (i = next.getAndIncrement()) < requests; ) {
                    latencies[i] = once(tag + "-" + i, "W-" + Math.floorMod(i * 7919, pads));
                }
            }, pool));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        if (tag.equals("warm")) {
            System.out.printf("  %s: %d requests%n", name, requests);
            return;
        }
        Arrays.sort(latencies);
        System.out.printf("  %-30s median %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%.0f requests/s)%n",
                name + ":", pct(latencies, 50), pct(latencies, 90), pct(latencies, 99),
                latencies[latencies.length - 1] / 1e6, requests / (elapsed / 1e9));
    }

    /** One clerk request to a window, timed until its pad has read the event. */
    private long once(String caseNumber, String window) {
        try {
            CountDownLatch latch = new CountDownLatch(1);
            waiting.put(caseNumber, latch);
            byte[] body = ApiJson.strict().writeValueAsBytes(new RatingRequest("HALL-1", window, caseNumber, "1",
                    "ITEM-001", "城乡居民养老保险参保登记", "CLERK-7", "李明"));
            long sent = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create(server.baseUri() + ApiPaths.CLERK_RATING_REQUESTS))
                    .header("Authorization", "Bearer " + CLERK).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("request refused: " + r.body());
            }
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("pad at " + window + " never got " + caseNumber);
            }
            waiting.remove(caseNumber);
            return arrived.remove(caseNumber) - sent;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A pad's stream, read asynchronously line by line (no thread per pad). */
    private void connect(TestTerminal pad, CountDownLatch hello) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + ApiPaths.PAD_EVENTS)).GET()
                .header("Accept", "text/event-stream");
        pad.sign("GET", ApiPaths.PAD_EVENTS, new byte[0]).asMap().forEach(b::header);
        http.sendAsync(b.build(), HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (line.startsWith("event: hello")) {
                    hello.countDown();
                } else if (line.startsWith("data:") && line.contains("\"caseNumber\"")) {
                    long now = System.nanoTime();
                    int at = line.indexOf("\"caseNumber\":\"") + 14;
                    String caseNumber = line.substring(at, line.indexOf('"', at));
                    arrived.put(caseNumber, now);
                    CountDownLatch l = waiting.get(caseNumber);
                    if (l != null) {
                        l.countDown();
                    }
                }
            }

            @Override
            public void onError(Throwable t) {
                // the stream ended (server stopping)
            }

            @Override
            public void onComplete() {
            }
        }));
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
