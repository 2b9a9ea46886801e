package org.govkiosk.platform.province;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.govkiosk.api.SmCrypto;

/**
 * A stand-in for the provincial 好差评 system on loopback (JDK HttpServer), written from
 * {@code province-haochaping.yaml} and apart from the platform's own signing code: it checks every delivery's
 * HMAC, timestamp and nonce, dedupes on the idempotency key, signs its answers, and can be told to fail (500,
 * timeouts, garbage, unsigned answers, refusals, a lost answer after taking the delivery) and to recover. It also
 * pushes 差评通报单 to the platform, genuine or forged.
 */
final class StandInProvince implements AutoCloseable {

    /** How the next deliveries are answered. */
    enum Fault { NONE, ERROR_500, TIMEOUT, GARBAGE, UNSIGNED_ANSWER, REFUSE_422, TAKE_THEN_500, EVERY_THIRD_500 }

    static final String PATH = "/hcp/v1/deliveries";

    static {
        // The JDK server writes an answer's head and body apart; without TCP_NODELAY each answer waits on the
        // client's delayed ACK (about 40 ms), which would be the stand-in's time, not the platform's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final byte[] key;
    private final String algorithm;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Fault fault = Fault.NONE;
    private volatile long timeoutMillis = 3000;
    /** Every answer waits this long (several instances then send at the same time). */
    volatile long latencyMillis;
    /** Requests that passed the checks, per idempotency key. */
    final Map<String, AtomicInteger> checkedRequests = new ConcurrentHashMap<>();
    /** Keys being answered right now: a second request for one of them while it is (two senders at once). */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** The key this handler thread answers, until its answer goes out. */
    private final ThreadLocal<String> answering = new ThreadLocal<>();
    final AtomicInteger overlapping = new AtomicInteger();
    /** Deliveries taken, by idempotency key (first body kept). */
    final Map<String, JsonNode> taken = new ConcurrentHashMap<>();
    /** Each key once per request that reached the checks; how often each key was taken anew. */
    final Map<String, AtomicInteger> takenAnew = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger badSignatures = new AtomicInteger();
    final List<String> algorithms = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();

    StandInProvince(byte[] key, String algorithm, Clock clock) throws IOException {
        this.key = key.clone();
        this.algorithm = algorithm;
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext(PATH, this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hcp/v1");
    }

    void failWith(Fault f) {
        fault = f;
    }

    void recover() {
        fault = Fault.NONE;
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            requests.incrementAndGet();
            byte[] body;
            try (InputStream in = x.getRequestBody()) {
                body = in.readNBytes(1 << 20);
            }
            Function<String, String> h = x.getRequestHeaders()::getFirst;
            String nonce = h.apply("X-Hcp-Nonce");
            String why = check(x.getRequestMethod(), x.getRequestURI().getRawPath(), body, h);
            if (why != null) {
                badSignatures.incrementAndGet();
                answer(x, 401, nonce, "{\"code\":\"bad-signature\",\"message\":\"" + why + "\",\"retryable\":false}",
                        true);
                return;
            }
            algorithms.add(h.apply("X-Hcp-Signature-Algorithm"));
            String key = String.valueOf(h.apply("Idempotency-Key"));
            checkedRequests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            if (!inFlight.add(key)) {
                overlapping.incrementAndGet();
            }
            answering.set(key);
            try {
                sleep(latencyMillis);
                respond(x, body, h, nonce);
            } finally {
                doneWith();
            }
        }
    }

    private void respond(HttpExchange x, byte[] body, Function<String, String> h, String nonce)
            throws IOException {
        {
            Fault f = fault;
            if (f == Fault.EVERY_THIRD_500) {
                f = requests.get() % 3 == 0 ? Fault.ERROR_500 : Fault.NONE;
            }
            switch (f) {
                case ERROR_500 -> answer(x, 500, nonce, "{\"code\":\"internal\",\"message\":\"down\"}", false);
                case TIMEOUT -> {
                    sleep(timeoutMillis);
                    answer(x, 500, nonce, "{}", false);
                }
                case GARBAGE -> answer(x, 200, nonce, "<html>proxy error</html>", false);
                case REFUSE_422 -> answer(x, 422, nonce, "{\"code\":\"invalid-item\",\"message\":\"item code"
                        + " unknown to the province\",\"retryable\":false}", true);
                default -> {
                    JsonNode delivery = json.readTree(body);
                    String idem = h.apply("Idempotency-Key");
                    if (idem == null || !idem.equals(delivery.path("idempotencyKey").asText())) {
                        answer(x, 400, nonce, "{\"code\":\"idempotency-key\",\"message\":\"header and body differ\","
                                + "\"retryable\":false}", true);
                        return;
                    }
                    boolean fresh = taken.putIfAbsent(idem, delivery) == null;
                    if (fresh) {
                        takenAnew.computeIfAbsent(idem, k -> new AtomicInteger()).incrementAndGet();
                    }
                    if (f == Fault.TAKE_THEN_500) {
                        answer(x, 500, nonce, "{}", false); // taken, but the answer is lost
                        return;
                    }
                    String ack = "{\"idempotencyKey\":\"" + idem + "\",\"status\":\"" + (fresh ? "accepted"
                            : "duplicate") + "\",\"provinceRatingId\":\"P-" + idem.hashCode() + "\"}";
                    answer(x, f == Fault.UNSIGNED_ANSWER ? 200 : fresh ? 201 : 200, nonce, ack,
                            f != Fault.UNSIGNED_ANSWER);
                }
            }
        }
    }

    /** Null if the request's signature, timestamp and nonce hold; else why not. */
    private String check(String method, String path, byte[] body, Function<String, String> h) {
        String ts = h.apply("X-Hcp-Timestamp");
        String nonce = h.apply("X-Hcp-Nonce");
        String sig = h.apply("X-Hcp-Signature");
        if (ts == null || nonce == null || sig == null || !"KEY-1".equals(h.apply("X-Hcp-Key-Id"))) {
            return "unsigned or unknown key";
        }
        if (!algorithm.equals(h.apply("X-Hcp-Signature-Algorithm"))) {
            return "wrong algorithm";
        }
        if (Math.abs(Long.parseLong(ts) - clock.instant().getEpochSecond()) > 300) {
            return "stale";
        }
        String expected = mac(method + "\n" + path + "\n" + ts + "\n" + nonce + "\n" + digest(body));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                sig.getBytes(StandardCharsets.US_ASCII))) {
            return "signature";
        }
        if (!nonces.add(nonce)) {
            return "replayed nonce";
        }
        return null;
    }

    private void doneWith() {
        String key = answering.get();
        if (key != null) {
            answering.remove();
            inFlight.remove(key);
        }
    }

    private void answer(HttpExchange x, int status, String requestNonce, String body, boolean signed)
            throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        if (signed && requestNonce != null) {
            x.getResponseHeaders().set("X-Hcp-Signature", mac(status + "\n" + requestNonce + "\n" + digest(out)));
        }
        // The key is answered from here on: the sender may retry the moment it reads this answer, and that retry
        // is no second sender (released after the write, a quick retry was counted as one).
        doneWith();
        x.sendResponseHeaders(status, out.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(out);
        }
    }

    /** Pushes a 差评通报单 to the platform; {@code forge}: signed with another key; {@code nonce}: null for fresh. */
    HttpResponse<String> pushNotice(URI platform, Map<String, Object> notice, boolean forge, String nonce,
            long timestampShiftSeconds) throws Exception {
        byte[] body = json.writeValueAsBytes(notice);
        String path = "/api/v1/province/notices";
        String ts = Long.toString(clock.instant().getEpochSecond() + timestampShiftSeconds);
        if (nonce == null) {
            byte[] n = new byte[16];
            new SecureRandom().nextBytes(n);
            nonce = HexFormat.of().formatHex(n);
        }
        String text = "POST\n" + path + "\n" + ts + "\n" + nonce + "\n" + digest(body);
        String sig = forge ? mac(text + "forged") : mac(text);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform + path))
                .header("Content-Type", "application/json").header("X-Hcp-Key-Id", "KEY-1")
                .header("X-Hcp-Timestamp", ts).header("X-Hcp-Nonce", nonce)
                .header("X-Hcp-Signature-Algorithm", algorithm).header("X-Hcp-Signature", sig)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the platform's answer to a notice is signed by the shared key for that request. */
    boolean answerSigned(HttpResponse<String> r, String nonce) {
        String sig = r.headers().firstValue("X-Hcp-Signature").orElse("");
        return sig.equals(mac(r.statusCode() + "\n" + nonce + "\n"
                + digest(r.body().getBytes(StandardCharsets.UTF_8))));
    }

    private String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(algorithm.equals("HMAC-SM3") ? SmCrypto.sm3(body)
                    : MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String mac(String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        if (algorithm.equals("HMAC-SM3")) {
            return Base64.getEncoder().encodeToString(SmCrypto.hmacSm3(key, data));
        }
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(m.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
