package org.govkiosk.bench.province;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.Applicant;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.api.IdType;
import org.govkiosk.api.Material;
import org.govkiosk.api.RatingRequest;

/**
 * The load of one measurement, all through one shared asynchronous client: every terminal's heartbeat on its
 * interval (spread evenly), cases submitted either by {@code submitters} terminals at a time, each sending its next
 * case when the last is answered (a terminal's outbox sends one at a time: as many as the platform can take), or at
 * a steady rate of cases a second from the terminals in turn (a province's day), and the windows' rating requests
 * at a steady rate. Only what completes while {@link #measuring} is on counts.
 */
final class Load {

    private final HttpClient http;
    private final URI lb;
    private final Fleet fleet;
    private final String clerkToken;
    private final String runTag;
    private final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicBoolean measuring = new AtomicBoolean();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "bench-load-timer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong caseSeq = new AtomicLong();
    private final AtomicInteger nextTerminal = new AtomicInteger();
    final LatencyLog intake = new LatencyLog();
    final AtomicInteger intakeFailures = new AtomicInteger();
    final AtomicInteger heartbeats = new AtomicInteger();
    final AtomicInteger heartbeatFailures = new AtomicInteger();
    final AtomicInteger ratingRequestFailures = new AtomicInteger();
    /** Case number of each rating request posted while measuring -> when it was posted (System.nanoTime). */
    final Map<String, Long> posted;

    Load(HttpClient http, URI lb, Fleet fleet, String clerkToken, String runTag, Map<String, Long> posted) {
        this.http = http;
        this.lb = lb;
        this.fleet = fleet;
        this.clerkToken = clerkToken;
        this.runTag = runTag;
        this.posted = posted;
    }

    /** @param casesPerSecond 0: {@code submitters} terminals at a time as fast as answered; else this steady rate */
    void start(int submitters, int casesPerSecond, int heartbeatSeconds, int ratingRequestsPerSecond) {
        List<Fleet.Member> terminals = fleet.terminals;
        long spreadMicros = heartbeatSeconds * 1_000_000L / terminals.size();
        for (int i = 0; i < terminals.size(); i++) {
            Fleet.Member t = terminals.get(i);
            timers.scheduleAtFixedRate(() -> heartbeat(t, heartbeatSeconds), i * spreadMicros,
                    heartbeatSeconds * 1_000_000L, TimeUnit.MICROSECONDS);
        }
        if (casesPerSecond > 0) {
            timers.scheduleAtFixedRate(() -> submit(false), 0, 1_000_000L / casesPerSecond, TimeUnit.MICROSECONDS);
        } else {
            for (int s = 0; s < submitters; s++) {
                submit(true);
            }
        }
        if (ratingRequestsPerSecond > 0) {
            AtomicLong n = new AtomicLong();
            timers.scheduleAtFixedRate(() -> requestRating(n.getAndIncrement()), 0,
                    1_000_000L / ratingRequestsPerSecond, TimeUnit.MICROSECONDS);
        }
    }

    void stop() {
        running.set(false);
        timers.shutdownNow();
    }

    private void heartbeat(Fleet.Member t, int interval) {
        if (!running.get()) {
            return;
        }
        try {
            byte[] body = Fleet.JSON.writeValueAsBytes(new Heartbeat(t.id(), Instant.now(), "bench-1", 0, List.of(),
                    600L, 0L, interval));
            boolean counted = measuring.get();
            http.sendAsync(t.signed(lb, "POST", ApiPaths.HEARTBEATS, body).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        if (!counted || !measuring.get()) {
                            return;
                        }
                        if (e == null && r.statusCode() == 200) {
                            heartbeats.incrementAndGet();
                        } else {
                            heartbeatFailures.incrementAndGet();
                        }
                    });
        } catch (java.io.IOException e) {
            heartbeatFailures.incrementAndGet();
        }
    }

    /** One case from the next terminal in turn; when it is answered and {@code chained}, the next. */
    private void submit(boolean chained) {
        if (!running.get()) {
            return;
        }
        Fleet.Member t = fleet.terminals.get(Math.floorMod(nextTerminal.getAndIncrement(), fleet.terminals.size()));
        String key = runTag + "-" + caseSeq.incrementAndGet();
        byte[] body;
        try {
            body = Fleet.JSON.writeValueAsBytes(new CaseSubmission(key, "local-" + key, t.id(), "ITEM-001",
                    "城乡居民养老保险参保登记", CaseKind.PROMISED,
                    new Applicant(IdType.RESIDENT_ID, "11010119900307123X", "张三丰", "13800138000", null),
                    Map.of("household", "本地"), List.of(new Material("M1", "户口簿", Material.Status.PROVIDED,
                            Material.Source.SCAN, "sha256:ab")), Instant.now()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        boolean counted = measuring.get();
        long t0 = System.nanoTime();
        http.sendAsync(t.signed(lb, "POST", ApiPaths.CASES, body).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((r, e) -> {
                    if (counted && measuring.get()) {
                        if (e == null && r.statusCode() == 201) {
                            intake.add(System.nanoTime() - t0);
                        } else {
                            intakeFailures.incrementAndGet();
                        }
                    }
                    if (chained) {
                        submit(true);
                    }
                });
    }

    private void requestRating(long n) {
        if (!running.get() || fleet.pads.isEmpty()) {
            return;
        }
        Fleet.Member pad = fleet.pads.get((int) (n % fleet.pads.size()));
        String caseNumber = "BENCH-" + runTag + "-" + n;
        byte[] body;
        try {
            body = Fleet.JSON.writeValueAsBytes(new RatingRequest(pad.hall(), pad.window(), caseNumber, "1",
                    "ITEM-001", "城乡居民养老保险参保登记", "CLERK-7", "李明"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        boolean counted = measuring.get();
        if (counted) {
            posted.put(caseNumber, System.nanoTime());
        }
        http.sendAsync(HttpRequest.newBuilder(URI.create(lb + ApiPaths.CLERK_RATING_REQUESTS))
                .header("Authorization", "Bearer " + clerkToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((r, e) -> {
                    if (counted && (e != null || r.statusCode() != 201)) {
                        ratingRequestFailures.incrementAndGet();
                        posted.remove(caseNumber);
                    }
                });
    }
}
