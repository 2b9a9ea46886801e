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
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        List<Member> everyone = new ArrayList<>(fleet.terminals);
        everyone.addAll(fleet.pads);
        for (Member m : everyone) {
            inFlight.acquire();
            all.add(registerOne(http, lb, enrol, m).whenComplete((ok, e) -> {
                inFlight.release();
                if (e != null || !ok) {
                    refused.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " of " + everyone.size() + " registrations failed");
        }
        return fleet;
    }

    private static Member member(String id, String hall, String window) {
        KeyPair keys = TerminalKeys.generate();
        return new Member(id, hall, window, TerminalKeys.encodePublic(keys.getPublic()),
                new RequestSigner(id, keys.getPrivate(), Clock.systemUTC()));
    }

    /** Registers the key, then (a pad) binds it to its window: both as the real terminal does. */
    private static CompletableFuture<Boolean> registerOne(HttpClient http, URI lb, String enrol, Member m) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(new TerminalRegistration(m.id(), m.hall(), m.publicKey(), enrol,
                    "bench", "1"));
        } catch (java.io.IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Boolean> registered = http.sendAsync(HttpRequest.newBuilder(URI.create(lb
                + ApiPaths.TERMINALS)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200);
        if (m.window() == null) {
            return registered;
        }
        return registered.thenCompose(ok -> {
            if (!ok) {
                return CompletableFuture.completedFuture(false);
            }
            try {
                byte[] bind = JSON.writeValueAsBytes(new PadRegistration(m.id(), m.hall(), m.window()));
                return http.sendAsync(m.signed(lb, "POST", ApiPaths.PADS, bind).header("Content-Type",
                        "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bind)).build(),
                        HttpResponse.BodyHandlers.discarding()).thenApply(r -> r.statusCode() == 200);
            } catch (java.io.IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }
}
