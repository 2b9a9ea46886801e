package org.govkiosk.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ReceiptSigner;
import org.govkiosk.api.SignatureHeaders;
import org.govkiosk.api.SignedHeaders;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.app.context.TerminalPlatform;
import org.govkiosk.app.audit.Audit;
import org.govkiosk.app.cases.Case;
import org.govkiosk.app.cases.TestCases;
import org.govkiosk.app.config.ConfigLoader;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, attack 3: someone takes over the platform's address (a fake server on the hall's network, DNS, a
 * moved gateway) after the terminal enrolled with the real platform. The fake answers 201 to every case, unsigned
 * or signed with its own key, and even offers its own key at re-registration. The terminal must confirm nothing:
 * every case stays queued with its payload (the citizen's data), the failure backs off and is raised for the
 * technician; and once the real platform is back, every case reaches it exactly once.
 */
class FakePlatformAttackTest {

    private static final ObjectMapper JSON = ApiJson.lenient();
    private static final int CASES = 3;

    @TempDir
    Path dir;

    private RealPlatform real;
    private Path data;
    private final List<String> audited = new CopyOnWriteArrayList<>();
    private final Audit audit = (event, details) -> audited.add(event);

    @BeforeEach
    void enrolWithTheRealPlatform() throws Exception {
        real = RealPlatform.http(Files.createDirectories(dir.resolve("platform")));
        data = dir.resolve("data");
        // The terminal's first start in the hall: it registers with the real platform (and pins its key there).
        try (TerminalPlatform link = start(CompletableFuture.completedFuture(real.baseUri()),
                Optional.of(real.enrolmentToken()))) {
            link.registered().toCompletableFuture().get();
            assertThat(audited).contains("terminal-registered");
        }
        audited.clear();
    }

    @AfterEach
    void stopPlatform() {
        real.close();
    }

    @Test
    void anUnsignedServerAnswering201ToEverythingConfirmsNothing() throws Exception {
        try (FakePlatform fake = FakePlatform.start(null)) {
            List<String> keys = queueWhileAttacked(fake);
            assertEveryCaseKeptWithItsPayload(keys);
        }
        assertEveryCaseReachesTheRealPlatformOnce();
    }

    @Test
    void aServerSigningWithAnotherKeyConfirmsNothing() throws Exception {
        try (FakePlatform fake = FakePlatform.start(TerminalKeys.generate())) {
            List<String> keys = queueWhileAttacked(fake);
            assertEveryCaseKeptWithItsPayload(keys);
            assertThat(fake.signedAnswers).as("the fake signed its answers in the real format").isPositive();
        }
        assertEveryCaseReachesTheRealPlatformOnce();
    }

    @Test
    void aProxyStrippingTheRealReceiptsLeavesCasesQueuedAndTheResendIsStoredOnce() throws Exception {
        // The real platform takes every case in, but the terminal never sees its receipts: it must keep the cases,
        // and its resends, answered by the platform as duplicates, must not be stored again.
        try (FakePlatform proxy = FakePlatform.strippingProxyTo(real.baseUri())) {
            List<String> keys = queueWhileAttacked(proxy);
            assertEveryCaseKeptWithItsPayload(keys);
        }
        assertEveryCaseReachesTheRealPlatformOnce();
    }

    private List<String> queueWhileAttacked(FakePlatform fake) throws Exception {
        CompletableFuture<URI> address = new CompletableFuture<>();
        List<String> keys = new ArrayList<>();
        // The fake even answers a re-registration, offering its own key: the pin from the enrolment must hold.
        try (TerminalPlatform link = start(address, Optional.of(real.enrolmentToken()))) {
            for (int i = 0; i < CASES; i++) {
                Case queued = link.queue().submit(TestCases.draft(Clock.systemUTC()));
                keys.add(queued.idempotencyKey());
            }
            address.complete(fake.uri());
            Await.until("the fake was sent every case and answered 201", Duration.ofSeconds(60),
                    () -> fake.caseKeys.keySet().containsAll(keys), fake.caseKeys::keySet);
            Await.until("the worker settled the round: failed, or took the fake's word", Duration.ofSeconds(30),
                    () -> link.consecutiveFailures() > 0 && link.lastProblem().isPresent()
                            || link.outboxStatus().waiting() < CASES, link::outboxStatus);
            assertThat(link.outboxStatus().waiting()).as("cases still queued").isEqualTo(CASES);
            assertThat(link.outboxStatus().dead()).isZero();
            assertThat(link.lastProblem().orElseThrow()).as("what the technician reads").containsIgnoringCase(
                    "receipt");
            if (fake.upstream == null) {
                Await.until("the fake's key refused at re-registration", Duration.ofSeconds(30),
                        () -> audited.contains(ReceiptAlarm.KEY_REFUSED), () -> audited);
            }
            assertThat(link.platformKey()).as("the pin from the enrolment holds").contains(real.receiptKey());
        }
        assertThat(audited).as("raised for the technician").contains(ReceiptAlarm.RECEIPT_REJECTED);
        return keys;
    }

    /** Read from the outbox file itself, with the terminal stopped: state and whether the payload is still there. */
    private void assertEveryCaseKeptWithItsPayload(List<String> keys) throws Exception {
        Map<String, String> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("outbox/outbox.db"));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT idempotency_key, state, payload IS NOT NULL"
                        + " FROM outbox_entry")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2) + (rs.getBoolean(3) ? "+payload" : "-payload"));
            }
        }
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(rows.values()).as("queued, payloads kept").allSatisfy(v ->
                assertThat(v).isIn("PENDING+payload", "SENT+payload"));
    }

    private void assertEveryCaseReachesTheRealPlatformOnce() throws Exception {
        try (TerminalPlatform link = start(CompletableFuture.completedFuture(real.baseUri()),
                Optional.of(real.enrolmentToken()))) {
            Await.until("the real platform's receipts confirm every case", Duration.ofSeconds(60),
                    () -> link.outboxStatus().waiting() == 0, link::outboxStatus);
            assertThat(link.outboxStatus().dead()).isZero();
        }
        real.stop();
        Map<String, Integer> stored = real.storedKeys("cases");
        assertThat(stored).hasSize(CASES).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
    }

    private TerminalPlatform start(CompletableFuture<URI> address, Optional<String> token) throws Exception {
        return TerminalPlatform.start(config(), data, Clock.systemUTC(), audit, address,
                CompletableFuture.completedFuture(token));
    }

    private TerminalConfig config() throws Exception {
        Path cfg = dir.resolve("config");
        if (!Files.exists(cfg)) {
            Files.createDirectories(cfg);
            Files.writeString(cfg.resolve("terminal.yaml"), Files.readString(Path.of("../config/terminal.yaml"))
                    .replace("# hall-code: 330100-ZWFW", "hall-code: " + RealPlatform.HALL));
            Files.writeString(cfg.resolve("devices.yaml"), "devices: []\n");
        }
        return ConfigLoader.load(cfg);
    }

    /**
     * A real HTTP server on a free loopback port that answers like the platform: 200 to a registration (with its
     * own key), 201 with a plausible receipt to every case, 200 to anything else. With a key it signs its answers
     * exactly as the platform does, only with the wrong key.
     */
    static final class FakePlatform implements AutoCloseable {
        private final HttpServer server;
        private final KeyPair key;
        /** Set: forwards every request there and strips the receipt headers from the answer. */
        private URI upstream;
        final Map<String, Integer> caseKeys = new ConcurrentHashMap<>();
        volatile int signedAnswers;

        private FakePlatform(HttpServer server, KeyPair key) {
            this.server = server;
            this.key = key;
        }

        static FakePlatform start(KeyPair key) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakePlatform fake = new FakePlatform(server, key);
            server.createContext("/", fake::answer);
            server.start();
            return fake;
        }

        static FakePlatform strippingProxyTo(URI platform) throws IOException {
            FakePlatform fake = start(null);
            fake.upstream = platform;
            return fake;
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private void answer(HttpExchange exchange) throws IOException {
            byte[] request = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            if (upstream != null) {
                forward(exchange, request);
                return;
            }
            String body;
            int status;
            if (path.equals("/api/v1/terminals")) {
                status = 200;
                KeyPair offered = key != null ? key : TerminalKeys.generate();
                body = "{\"terminalId\":\"x\",\"hallCode\":\"" + RealPlatform.HALL + "\",\"registeredAt\":\""
                        + Instant.now() + "\",\"alreadyRegistered\":true,\"platformKey\":\""
                        + TerminalKeys.encodePublic(offered.getPublic()) + "\"}";
            } else if (path.equals("/api/v1/cases")) {
                status = 201;
                JsonNode submission = JSON.readTree(request);
                String idempotencyKey = submission.path("idempotencyKey").asText();
                caseKeys.merge(idempotencyKey, 1, Integer::sum);
                body = "{\"caseNumber\":\"FAKE-" + Math.abs(idempotencyKey.hashCode()) + "\",\"localCaseId\":\""
                        + submission.path("localCaseId").asText() + "\",\"state\":\"SUBMITTED\",\"acceptedAt\":\""
                        + Instant.now() + "\",\"duplicate\":false}";
            } else {
                status = 200;
                body = "{\"receivedAt\":\"" + Instant.now() + "\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (key != null && exchange.getRequestHeaders().getFirst(SignatureHeaders.NONCE) != null) {
                var h = exchange.getRequestHeaders();
                SignedHeaders signed = new SignedHeaders(h.getFirst(SignatureHeaders.TERMINAL_ID),
                        h.getFirst(SignatureHeaders.TIMESTAMP), h.getFirst(SignatureHeaders.NONCE),
                        h.getFirst(SignatureHeaders.SIGNATURE));
                new ReceiptSigner(key, Clock.systemUTC()).sign(status, exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(), signed, request, bytes)
                        .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                signedAnswers++;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        private void forward(HttpExchange exchange, byte[] request) throws IOException {
            if (exchange.getRequestURI().getRawPath().equals("/api/v1/cases")) {
                caseKeys.merge(JSON.readTree(request).path("idempotencyKey").asText(), 1, Integer::sum);
            }
            java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
                    upstream.resolve(exchange.getRequestURI().getRawPath()))
                    .method(exchange.getRequestMethod(), java.net.http.HttpRequest.BodyPublishers.ofByteArray(request));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (name.startsWith("X-") || name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(v -> b.header(name, v));
                }
            });
            java.net.http.HttpResponse<byte[]> answer;
            try {
                answer = java.net.http.HttpClient.newHttpClient().send(b.build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            // Everything but the receipt: what a careless proxy or an attacker who cannot sign passes on.
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

}
