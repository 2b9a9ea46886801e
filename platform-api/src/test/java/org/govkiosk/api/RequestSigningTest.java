package org.govkiosk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.govkiosk.api.SignatureRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestSigningTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    private final KeyPair keys = TerminalKeys.generate();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RequestSigner signer = new RequestSigner("T-001", keys.getPrivate(), clock);
    private final RequestVerifier verifier = verifierAt(clock);

    private RequestVerifier verifierAt(Clock at) {
        return new RequestVerifier(id -> id.equals("T-001") ? Optional.of(keys.getPublic()) : Optional.empty(),
                new InMemoryNonceStore(Duration.ofMinutes(10)), at, Duration.ofMinutes(5));
    }

    private String verify(Map<String, String> headers, String method, String path, byte[] body)
            throws SignatureRejectedException {
        return verifier.verify(method, path, headers::get, body);
    }

    @Test
    void acceptsAnUntouchedRequestAndNamesTheTerminal() throws Exception {
        Map<String, String> headers = signer.sign("POST", "/api/v1/cases?x=1", BODY).asMap();
        assertThat(verify(headers, "POST", "/api/v1/cases?x=1", BODY)).isEqualTo("T-001");
    }

    @Test
    void methodIsCaseInsensitiveButOtherwiseSigned() throws Exception {
        Map<String, String> headers = signer.sign("post", "/api/v1/cases", BODY).asMap();
        assertThat(verify(headers, "POST", "/api/v1/cases", BODY)).isEqualTo("T-001");
        Map<String, String> again = signer.sign("POST", "/api/v1/cases", BODY).asMap();
        assertRejected(() -> verify(again, "PUT", "/api/v1/cases", BODY), Reason.BAD_SIGNATURE);
    }

    @Test
    void tamperedPathQueryOrBodyIsRefused() {
        Map<String, String> h1 = signer.sign("POST", "/api/v1/cases?x=1", BODY).asMap();
        assertRejected(() -> verify(h1, "POST", "/api/v1/cases?x=2", BODY), Reason.BAD_SIGNATURE);
        Map<String, String> h2 = signer.sign("POST", "/api/v1/cases", BODY).asMap();
        assertRejected(() -> verify(h2, "POST", "/api/v1/ratings", BODY), Reason.BAD_SIGNATURE);
        Map<String, String> h3 = signer.sign("POST", "/api/v1/cases", BODY).asMap();
        byte[] changed = "{\"a\":2}".getBytes(StandardCharsets.UTF_8);
        assertRejected(() -> verify(h3, "POST", "/api/v1/cases", changed), Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {SignatureHeaders.TIMESTAMP, SignatureHeaders.NONCE, SignatureHeaders.SIGNATURE})
    void tamperedHeaderIsRefused(String name) {
        Map<String, String> headers = new HashMap<>(signer.sign("POST", "/p", BODY).asMap());
        UnaryOperator<String> tamper = switch (name) {
            case SignatureHeaders.TIMESTAMP -> v -> Long.toString(Long.parseLong(v) + 1);
            case SignatureHeaders.NONCE -> v -> (v.charAt(0) == 'A' ? "B" : "A") + v.substring(1);
            default -> v -> flipFirstByte(v);
        };
        headers.put(name, tamper.apply(headers.get(name)));
        assertRejected(() -> verify(headers, "POST", "/p", BODY), Reason.BAD_SIGNATURE);
    }

    @Test
    void anotherTerminalsIdWithThisSignatureIsRefused() {
        KeyPair other = TerminalKeys.generate();
        RequestVerifier twoTerminals = new RequestVerifier(
                id -> Optional.of(id.equals("T-001") ? keys.getPublic() : other.getPublic()),
                new InMemoryNonceStore(Duration.ofMinutes(10)), clock, Duration.ofMinutes(5));
        Map<String, String> headers = new HashMap<>(signer.sign("POST", "/p", BODY).asMap());
        headers.put(SignatureHeaders.TERMINAL_ID, "T-002");
        assertRejected(() -> twoTerminals.verify("POST", "/p", headers::get, BODY), Reason.BAD_SIGNATURE);
    }

    @Test
    void replayIsRefusedEvenThoughTheSignatureHolds() throws Exception {
        Map<String, String> headers = signer.sign("POST", "/p", BODY).asMap();
        verify(headers, "POST", "/p", BODY);
        assertRejected(() -> verify(headers, "POST", "/p", BODY), Reason.REPLAYED_NONCE);
    }

    @Test
    void forgedRequestsDoNotUseUpTheNonce() throws Exception {
        Map<String, String> headers = signer.sign("POST", "/p", BODY).asMap();
        assertRejected(() -> verify(headers, "POST", "/p", new byte[0]), Reason.BAD_SIGNATURE);
        assertThat(verify(headers, "POST", "/p", BODY)).isEqualTo("T-001");
    }

    @Test
    void timestampSkewBeyondFiveMinutesIsRefusedEitherWay() throws Exception {
        Map<String, String> headers = signer.sign("GET", "/p", null).asMap();
        Clock late = Clock.fixed(NOW.plus(Duration.ofMinutes(5).plusSeconds(1)), ZoneOffset.UTC);
        assertRejected(() -> verifierAt(late).verify("GET", "/p", headers::get, null), Reason.STALE_TIMESTAMP);
        Clock early = Clock.fixed(NOW.minus(Duration.ofMinutes(5).plusSeconds(1)), ZoneOffset.UTC);
        assertRejected(() -> verifierAt(early).verify("GET", "/p", headers::get, null), Reason.STALE_TIMESTAMP);
        Clock within = Clock.fixed(NOW.plus(Duration.ofMinutes(4)), ZoneOffset.UTC);
        assertThat(verifierAt(within).verify("GET", "/p", headers::get, new byte[0])).isEqualTo("T-001");
    }

    @Test
    void missingHeadersAndUnknownTerminalsAreRefused() {
        Map<String, String> headers = new HashMap<>(signer.sign("GET", "/p", null).asMap());
        headers.remove(SignatureHeaders.SIGNATURE);
        assertRejected(() -> verify(headers, "GET", "/p", null), Reason.UNSIGNED);
        assertRejected(() -> verify(Map.of(), "GET", "/p", null), Reason.UNSIGNED);
        RequestSigner stranger = new RequestSigner("T-999", TerminalKeys.generate().getPrivate(), clock);
        Map<String, String> strangerHeaders = stranger.sign("GET", "/p", null).asMap();
        assertRejected(() -> verify(strangerHeaders, "GET", "/p", null), Reason.UNKNOWN_TERMINAL);
    }

    @Test
    void garbageHeaderValuesAreRefusedNotThrown() {
        Map<String, String> headers = new HashMap<>(signer.sign("GET", "/p", null).asMap());
        headers.put(SignatureHeaders.SIGNATURE, "%%%not base64");
        assertRejected(() -> verify(headers, "GET", "/p", null), Reason.BAD_SIGNATURE);
        headers.put(SignatureHeaders.TIMESTAMP, "yesterday");
        assertRejected(() -> verify(headers, "GET", "/p", null), Reason.UNSIGNED);
    }

    @Test
    void keysSurviveTheirTextForms() throws Exception {
        KeyPair restored = new KeyPair(TerminalKeys.decodePublic(TerminalKeys.encodePublic(keys.getPublic())),
                TerminalKeys.decodePrivate(TerminalKeys.encodePrivate(keys.getPrivate())));
        RequestSigner again = new RequestSigner("T-001", restored.getPrivate(), clock);
        assertThat(verify(again.sign("GET", "/p", null).asMap(), "GET", "/p", null)).isEqualTo("T-001");
        assertThatThrownBy(() -> TerminalKeys.decodePublic("bm90IGEga2V5"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathAndQueryKeepsPercentEncoding() {
        assertThat(RequestSigner.pathAndQuery(java.net.URI.create("http://h:1/api/v1/cases/A%2FB?q=%E4%B8%AD")))
                .isEqualTo("/api/v1/cases/A%2FB?q=%E4%B8%AD");
        assertThat(ApiPaths.caseByNumber("32 01/中")).isEqualTo("/api/v1/cases/32%2001%2F%E4%B8%AD");
    }

    private static String flipFirstByte(String base64) {
        byte[] raw = java.util.Base64.getDecoder().decode(base64);
        raw[0] ^= 1;
        return java.util.Base64.getEncoder().encodeToString(raw);
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SignatureRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
