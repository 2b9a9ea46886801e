package org.govkiosk.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.govkiosk.api.ApiError;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.SignedHeaders;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.api.TerminalRegistration;

/** A terminal talking to a real platform server over HTTP: registers its key and signs its requests. */
public final class TestTerminal {

    public static final ObjectMapper JSON = ApiJson.lenient();

    public final String id;
    public final KeyPair keys;
    private final URI base;
    private final RequestSigner signer;
    private final HttpClient http;

    public TestTerminal(URI base, String id, Clock clock) {
        this(base, id, clock, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    public TestTerminal(URI base, String id, Clock clock, HttpClient http) {
        this(base, id, clock, http, org.govkiosk.api.CryptoSuite.ED25519_AES);
    }

    /** A terminal whose keys are of {@code suite} (SM2 for sm). */
    public TestTerminal(URI base, String id, Clock clock, org.govkiosk.api.CryptoSuite suite) {
        this(base, id, clock, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), suite);
    }

    private TestTerminal(URI base, String id, Clock clock, HttpClient http, org.govkiosk.api.CryptoSuite suite) {
        this.keys = TerminalKeys.generate(suite);
        this.base = base;
        this.id = id;
        this.signer = new RequestSigner(id, keys.getPrivate(), clock);
        this.http = http;
    }

    private TestTerminal(TestTerminal same, URI base) {
        this.keys = same.keys;
        this.base = base;
        this.id = same.id;
        this.signer = same.signer;
        this.http = same.http;
    }

    /** This terminal, with its keys, talking to another platform address (another instance, a load balancer). */
    public TestTerminal at(URI otherBase) {
        return new TestTerminal(this, otherBase);
    }

    /** Registers with the given enrolment token; fails the test if refused. */
    public TestTerminal registered(String enrolmentToken) throws Exception {
        return registered(enrolmentToken, "HALL-1");
    }

    /** Registers in the given hall with the given enrolment token; fails the test if refused. */
    public TestTerminal registered(String enrolmentToken, String hallCode) throws Exception {
        HttpResponse<String> r = unsigned("POST", ApiPaths.TERMINALS, JSON.writeValueAsBytes(new TerminalRegistration(
                id, hallCode, TerminalKeys.encodePublic(keys.getPublic()), enrolmentToken, "KX-1", "1.0")));
        if (r.statusCode() != 200) {
            throw new AssertionError("registration refused: " + r.statusCode() + " " + r.body());
        }
        return this;
    }

    public HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, JSON.writeValueAsBytes(body));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, new byte[0]);
    }

    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        SignedHeaders h = signer.sign("GET", URI.create(base + path), new byte[0]);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        h.asMap().forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POST of a JSON body whose answer is binary (a certificate PDF). */
    public HttpResponse<byte[]> postBytes(String path, Object body) throws IOException, InterruptedException {
        byte[] json = JSON.writeValueAsBytes(body);
        SignedHeaders h = signer.sign("POST", URI.create(base + path), json);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).header("Content-Type", "application/json");
        h.asMap().forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Signs and sends exactly these bytes. */
    public HttpResponse<String> send(String method, String path, byte[] body) throws IOException, InterruptedException {
        return sendWith(method, path, body, signer.sign(method, URI.create(base + path), body).asMap());
    }

    public SignedHeaders sign(String method, String path, byte[] body) {
        return signer.sign(method, URI.create(base + path), body);
    }

    /**
     * The head of a signed JSON POST of {@code body}, as raw HTTP/1.1 (blank line included), for a test that writes
     * the request to a socket itself: e.g. half its body, then nothing. Signed over the whole body, so the platform
     * cannot answer before it has read all of it.
     */
    public byte[] signedPostHead(String path, byte[] body) {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n");
        sign("POST", path, body).asMap().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    public HttpResponse<String> sendWith(String method, String path, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body.length == 0 && !method.equals("POST") && !method.equals("PUT")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> unsigned(String method, String path, byte[] body)
            throws IOException, InterruptedException {
        return sendWith(method, path, body, Map.of());
    }

    public static <T> T read(HttpResponse<String> response, Class<T> type) throws IOException {
        return JSON.readValue(response.body(), type);
    }

    public static ApiError error(HttpResponse<String> response) throws IOException {
        return JSON.readValue(response.body(), ApiError.class);
    }
}
