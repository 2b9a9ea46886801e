package org.govkiosk.app.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.govkiosk.api.ApiError;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.InMemoryNonceStore;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.api.RequestVerifier;
import org.govkiosk.api.SignatureRejectedException;

/**
 * A small platform on loopback for the terminal's tests: verifies signatures with platform-api's verifier, stores
 * cases and ratings idempotently by key, and misbehaves on command. Real HTTP(S) sockets; the state survives a
 * {@link #stop()} and {@link #restart()} on the same port, as a platform's database would.
 */
public final class TestPlatform implements AutoCloseable {

    /** Ways to misbehave, applied to case and rating submissions. */
    public enum Fault { NONE, GARBAGE, ERROR_500, SLOW_HEADERS, TRICKLE_BODY, HUGE_BODY, HUGE_CHUNKED, TOO_MANY,
        CONFLICT, INVALID, ERROR_WITH_HTML }

    public record Stored(String idempotencyKey, String caseNumber, byte[] bodyHash, Instant at) {
    }

    private final ObjectMapper strict = ApiJson.strict();
    private final ObjectMapper out = ApiJson.lenient();
    private final Map<String, PublicKey> terminals = new ConcurrentHashMap<>();
    private final Map<String, Stored> cases = new ConcurrentHashMap<>();
    private final Map<String, Stored> ratings = new ConcurrentHashMap<>();
    private final List<Instant> submissionsSeen = new CopyOnWriteArrayList<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
    private final RequestVerifier verifier;
    private final SSLContext tls;
    private volatile Duration faultDelay = Duration.ofSeconds(3);
    private volatile int port;
    private HttpServer server;
    private ExecutorService executor;

    private TestPlatform(SSLContext tls) {
        this.tls = tls;
        this.verifier = new RequestVerifier(id -> Optional.ofNullable(terminals.get(id)),
                new InMemoryNonceStore(Duration.ofMinutes(20)), Clock.systemUTC(), RequestVerifier.DEFAULT_MAX_SKEW);
    }

    public static TestPlatform http() throws IOException {
        TestPlatform p = new TestPlatform(null);
        p.bind(0);
        return p;
    }

    public static TestPlatform https(SSLContext tls) throws IOException {
        TestPlatform p = new TestPlatform(tls);
        p.bind(0);
        return p;
    }

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: 40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private synchronized void bind(int onPort) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort);
        if (tls != null) {
            HttpsServer s = HttpsServer.create(address, 64);
            s.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = s;
        } else {
            server = HttpServer.create(address, 64);
        }
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext(ApiPaths.CASES, this::handleCase);
        server.createContext(ApiPaths.RATINGS, this::handleRating);
        server.start();
        port = server.getAddress().getPort();
    }

    public void register(String terminalId, PublicKey key) {
        terminals.put(terminalId, key);
    }

    public void fault(Fault f) {
        fault.set(f);
    }

    public void faultDelay(Duration d) {
        faultDelay = d;
    }

    public String baseUrl() {
        return (tls != null ? "https" : "http") + "://127.0.0.1:" + port;
    }

    public Map<String, Stored> cases() {
        return Map.copyOf(cases);
    }

    public Map<String, Stored> ratings() {
        return Map.copyOf(ratings);
    }

    /** When each case or rating submission arrived (also refused and duplicate ones). */
    public List<Instant> submissionsSeen() {
        return List.copyOf(submissionsSeen);
    }

    public int duplicates() {
        return duplicates.get();
    }

    /** Closes the port: clients get "connection refused" until {@link #restart()}. */
    public synchronized void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    public synchronized void restart() throws IOException {
        bind(port);
    }

    @Override
    public void close() {
        stop();
    }

    private void handleCase(HttpExchange ex) throws IOException {
        handle(ex, body -> {
            CaseSubmission s = strict.readValue(body, CaseSubmission.class);
            Stored stored = store(cases, s.idempotencyKey(), body, "CASE-" + s.terminalId());
            if (stored == null) {
                return conflict();
            }
            return new Answer(200, out.writeValueAsBytes(new CaseReceipt(stored.caseNumber(), s.localCaseId(),
                    CaseState.SUBMITTED, stored.at(), null, isDuplicate())));
        });
    }

    private void handleRating(HttpExchange ex) throws IOException {
        handle(ex, body -> {
            RatingSubmission r = strict.readValue(body, RatingSubmission.class);
            Stored stored = store(ratings, r.idempotencyKey(), body, "RATING");
            if (stored == null) {
                return conflict();
            }
            return new Answer(200, out.writeValueAsBytes(new RatingReceipt(stored.caseNumber(), r.caseNumber(),
                    r.serviceSequence(), stored.at(), isDuplicate())));
        });
    }

    private final ThreadLocal<Boolean> lastWasDuplicate = ThreadLocal.withInitial(() -> false);

    private boolean isDuplicate() {
        return lastWasDuplicate.get();
    }

    private Stored store(Map<String, Stored> into, String key, byte[] body, String prefix) {
        byte[] hash = sha256(body);
        Stored fresh = new Stored(key, prefix + "-" + String.format("%06d", sequence.incrementAndGet()), hash,
                Instant.now());
        Stored existing = into.putIfAbsent(key, fresh);
        lastWasDuplicate.set(existing != null);
        if (existing == null) {
            return fresh;
        }
        duplicates.incrementAndGet();
        return Arrays.equals(existing.bodyHash(), hash) ? existing : null;
    }

    private Answer conflict() throws IOException {
        return new Answer(409, out.writeValueAsBytes(new ApiError("idempotency-conflict",
                "same key, different body", false)));
    }

    private record Answer(int status, byte[] body) {
    }

    private interface Logic {
        Answer apply(byte[] body) throws Exception;
    }

    private void handle(HttpExchange ex, Logic logic) throws IOException {
        try (ex) {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            submissionsSeen.add(Instant.now());
            Fault f = fault.get();
            if (f != Fault.NONE && misbehave(ex, f)) {
                return;
            }
            try {
                verifier.verify(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                        name -> ex.getRequestHeaders().getFirst(name), body);
            } catch (SignatureRejectedException e) {
                send(ex, 401, out.writeValueAsBytes(new ApiError("bad-signature", e.getMessage(), false)));
                return;
            }
            Answer answer;
            try {
                answer = logic.apply(body);
            } catch (Exception e) {
                answer = new Answer(422, out.writeValueAsBytes(new ApiError("invalid-field",
                        String.valueOf(e.getMessage()).lines().findFirst().orElse(""), false)));
            }
            send(ex, answer.status(), answer.body());
        }
    }

    /** Returns true when the fault has answered the exchange. */
    private boolean misbehave(HttpExchange ex, Fault f) throws IOException {
        switch (f) {
            case GARBAGE -> send(ex, 200, "<html>proxy says hello\u0000\u0001".getBytes(StandardCharsets.UTF_8));
            case ERROR_500 -> send(ex, 500, out.writeValueAsBytes(new ApiError("internal-error", "boom", true)));
            case ERROR_WITH_HTML -> send(ex, 502, "<html><body>Bad gateway</body></html>".getBytes(
                    StandardCharsets.UTF_8));
            case TOO_MANY -> {
                ex.getResponseHeaders().set("Retry-After", "7");
                send(ex, 429, out.writeValueAsBytes(new ApiError("rate-limited", "slow down", true)));
            }
            case CONFLICT -> send(ex, 409, out.writeValueAsBytes(new ApiError("already-rated", "rated", false)));
            case INVALID -> send(ex, 422, out.writeValueAsBytes(new ApiError("invalid-field", "itemCode unknown",
                    false)));
            case SLOW_HEADERS -> {
                sleep(faultDelay);
                send(ex, 500, new byte[0]);
            }
            case TRICKLE_BODY -> {
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, 0);
                try (OutputStream o = ex.getResponseBody()) {
                    long end = System.nanoTime() + faultDelay.toNanos();
                    while (System.nanoTime() < end) {
                        o.write(' ');
                        o.flush();
                        sleep(Duration.ofMillis(100));
                    }
                } catch (IOException e) {
                    // the client gave up: that is the point
                }
            }
            case HUGE_BODY -> send(ex, 200, new byte[4 << 20]);
            case HUGE_CHUNKED -> {
                ex.sendResponseHeaders(200, 0);
                try (OutputStream o = ex.getResponseBody()) {
                    byte[] chunk = new byte[64 * 1024];
                    Arrays.fill(chunk, (byte) ' ');
                    for (int i = 0; i < 64; i++) {
                        o.write(chunk);
                    }
                } catch (IOException e) {
                    // the client cut it off
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            } catch (IOException e) {
                // the client cut it off
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(body);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
