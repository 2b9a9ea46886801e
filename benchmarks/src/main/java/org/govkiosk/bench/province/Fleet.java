package org.govkiosk.bench.province;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.api.ApiError;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.PadRegistration;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.api.TerminalRegistration;

/**
 * The simulated terminals and pads: each a key pair registered with the platform (the enrolment token, as a
 * technician registers one), its requests signed as a real terminal signs them. All go through one shared
 * asynchronous HTTP client: a few threads, not one per terminal.
 */
final class Fleet {

    static final ObjectMapper JSON = ApiJson.lenient();
    /** Windows per hall: pad p serves window W-(p % 100) of hall HALL-(p / 100). */
    static final int WINDOWS_PER_HALL = 100;

    /** A registered terminal or pad and its signer. */
    record Member(String id, String hall, String window, String publicKey, RequestSigner signer) {

        HttpRequest.Builder signed(URI base, String method, String path, byte[] body) {
            URI uri = URI.create(base + path);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
            signer.sign(method, uri, body).asMap().forEach(b::header);
            return b;
        }
    }

    final List<Member> terminals = new ArrayList<>();
    final List<Member> pads = new ArrayList<>();

    private Fleet() {
    }

    /** Registers {@code terminals} kiosks (spread over the pads' halls) and {@code pads} pads bound to windows. */
    static Fleet register(HttpClient http, URI lb, String enrol, int terminals, int pads) throws Exception {
        Fleet fleet = new Fleet();
        int halls = Math.max(1, (pads + WINDOWS_PER_HALL - 1) / WINDOWS_PER_HALL);
        for (int t = 0; t < terminals; t++) {
            fleet.terminals.add(member(String.format("T-%05d", t), "HALL-" + (t % halls), null));
        }
        for (int p = 0; p < pads; p++) {
            fleet.pads.add(member(String.format("PAD-%05d", p), "HALL-" + (p / WINDOWS_PER_HALL),
                    "W-" + (p % WINDOWS_PER_HALL)));
        }
        Semaphore inFlight = new Semaphore(32);
        List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger retried = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        List<Member> everyone = new ArrayList<>(fleet.terminals);
        everyone.addAll(fleet.pads);
        for (Member m : everyone) {
            inFlight.acquire();
            all.add(registerOne(http, lb, enrol, m, retried).whenComplete((refusal, e) -> {
                inFlight.release();
                if (e != null) {
                    refusals.add(m.id() + ": " + e);
                } else if (refusal != null) {
                    refusals.add(refusal);
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        if (retried.get() > 0) {
            System.out.println("registration: " + retried.get() + " request(s) retried after a transient failure");
        }
        if (!refusals.isEmpty()) {
            throw new IllegalStateException(refusals.size() + " of " + everyone.size() + " registrations failed: "
                    + refusals.subList(0, Math.min(5, refusals.size())));
        }
        return fleet;
    }

    private static Member member(String id, String hall, String window) {
        KeyPair keys = TerminalKeys.generate();
        return new Member(id, hall, window, TerminalKeys.encodePublic(keys.getPublic()),
                new RequestSigner(id, keys.getPrivate(), Clock.systemUTC()));
    }

    /** Attempts of one request: a real terminal tries its registration again after a failure that may pass. */
    private static final int ATTEMPTS = 3;

    /**
     * Registers the key, then (a pad) binds it to its window: both as the real terminal does. Completes with null,
     * or with why it was refused (the status and the start of the answer, or the exception).
     */
    private static CompletableFuture<String> registerOne(HttpClient http, URI lb, String enrol, Member m,
            AtomicInteger retried) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(new TerminalRegistration(m.id(), m.hall(), m.publicKey(), enrol,
                    "bench", "1"));
        } catch (java.io.IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<String> registered = send(http, () -> HttpRequest.newBuilder(URI.create(lb
                + ApiPaths.TERMINALS)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), "POST /terminals " + m.id(), ATTEMPTS,
                retried);
        if (m.window() == null) {
            return registered;
        }
        return registered.thenCompose(refusal -> {
            if (refusal != null) {
                return CompletableFuture.completedFuture(refusal);
            }
            byte[] bind;
            try {
                bind = JSON.writeValueAsBytes(new PadRegistration(m.id(), m.hall(), m.window()));
            } catch (java.io.IOException e) {
                return CompletableFuture.failedFuture(e);
            }
            // Signed anew for each attempt: a signature's nonce is good once.
            return send(http, () -> m.signed(lb, "POST", ApiPaths.PADS, bind).header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bind)).build(),
                    "POST /pads " + m.id(), ATTEMPTS, retried);
        });
    }

    /** HAProxy's answers when no instance took a request. */
    private static final java.util.Set<Integer> BALANCER_GAVE_UP = java.util.Set.of(502, 503, 504);

    /**
     * Sends a request until it is answered 200 or refused for good: a connection that failed, an answer the
     * platform marks retryable, or a balancer's 502/503/504 is tried again, at most {@code attempts} times in all.
     */
    private static CompletableFuture<String> send(HttpClient http, java.util.function.Supplier<HttpRequest> request,
            String what, int attempts, AtomicInteger retried) {
        return http.sendAsync(request.get(), HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
            String why = e != null ? e.getClass().getSimpleName() + " " + e.getMessage()
                    : r.statusCode() == 200 ? null
                    : r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length()));
            // As the terminal's client decides: what the platform's answer calls retryable (e.g. its 408
            // body-too-slow, seen in CI for a 60-byte pad binding on a loaded machine), a failed connection, or the
            // balancer's own 502/503/504 (no instance took it; its answer is no ApiError).
            boolean again = e != null || BALANCER_GAVE_UP.contains(r.statusCode()) || markedRetryable(r.body());
            return why == null ? CompletableFuture.<String>completedFuture(null)
                    : again && attempts > 1 ? retry(http, request, what, attempts, retried, why)
                    : CompletableFuture.completedFuture(what + ": " + why);
        }).thenCompose(f -> f);
    }

    private static CompletableFuture<String> retry(HttpClient http, java.util.function.Supplier<HttpRequest> request,
            String what, int attempts, AtomicInteger retried, String why) {
        retried.incrementAndGet();
        System.out.println("registration: " + what + " failed (" + why + "), trying again");
        return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(500,
                java.util.concurrent.TimeUnit.MILLISECONDS)).thenCompose(x -> send(http, request, what, attempts - 1,
                retried));
    }

    /** Whether the answer is the platform's {@link ApiError} saying the request may succeed later. */
    private static boolean markedRetryable(String body) {
        try {
            return JSON.readValue(body, ApiError.class).retryable();
        } catch (java.io.IOException | RuntimeException notAnApiError) {
            return false;
        }
    }
}
