package org.govkiosk.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.app.cases.TestCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against a misbehaving HTTPS server on loopback ({@link TestPlatform}): garbage, errors, slowness and
 * oversized answers. The well-behaved platform is the real one, in {@link HttpPlatformClientServerTest}.
 */
class HttpPlatformClientTest {

    private static final String TERMINAL = "terminal-001";

    @TempDir
    static Path dir;

    private static TestTls tls;
    private final KeyPair keys = TerminalKeys.generate();
    private TestPlatform platform;

    @BeforeAll
    static void certificates() throws Exception {
        tls = TestTls.selfSigned(dir, "gateway");
    }

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private TestPlatform start(TestTls serverTls) throws Exception {
        platform = TestPlatform.https(serverTls.serverContext());
        return platform;
    }

    private HttpPlatformClient client(Set<String> pins, Duration callTimeout) {
        PlatformClientConfig config = new PlatformClientConfig(URI.create(platform.baseUrl()), pins,
                Duration.ofSeconds(2), callTimeout, 64 * 1024, 1 << 20);
        return new HttpPlatformClient(config, new RequestSigner(TERMINAL, keys.getPrivate(), Clock.systemUTC()));
    }

    private HttpPlatformClient pinnedClient() {
        return client(Set.of(PinnedTrustManager.pinOf(tls.certificate())), Duration.ofSeconds(5));
    }

    private static CaseSubmission submission() {
        return TestCases.draft(Clock.systemUTC()).toSubmission(TERMINAL, Instant.now());
    }

    private PlatformException failure(HttpPlatformClient client) {
        return catchThrowableOfType(PlatformException.class, () -> client.submitCase(submission()));
    }

    @Test
    void garbageInA200IsABadResponseThatMayBeRetried() throws Exception {
        start(tls).fault(TestPlatform.Fault.GARBAGE);
        PlatformException e = catchThrowableOfType(PlatformException.class,
                () -> pinnedClient().queryCase("GK-1"));
        assertThat(e.failure()).isEqualTo(PlatformFailure.BAD_RESPONSE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("not a valid CaseView").doesNotContain("proxy says hello");
    }

    @Test
    void garbageInA200ToACaseIsNoReceiptSoTheCaseIsKeptAndSentAgain() throws Exception {
        start(tls).fault(TestPlatform.Fault.GARBAGE);
        PlatformException e = failure(pinnedClient());
        assertThat(e.failure()).isEqualTo(PlatformFailure.UNVERIFIED_RECEIPT);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("without a valid platform receipt").doesNotContain("proxy says hello");
    }

    @Test
    void serverErrorsAreRetryable() throws Exception {
        start(tls).fault(TestPlatform.Fault.ERROR_500);
        PlatformException e = failure(pinnedClient());
        assertThat(e.failure()).isEqualTo(PlatformFailure.SERVER_ERROR);
        assertThat(e.retryable()).isTrue();
        assertThat(e.errorCode()).contains("internal-error");

        platform.fault(TestPlatform.Fault.ERROR_WITH_HTML);
        PlatformException html = failure(pinnedClient());
        assertThat(html.failure()).isEqualTo(PlatformFailure.SERVER_ERROR);
        assertThat(html.httpStatus()).contains(502);
        assertThat(html.getMessage()).contains("unreadable error body");
    }

    @Test
    void tooManyRequestsIsRetryableWithTheServersDelay() throws Exception {
        start(tls).fault(TestPlatform.Fault.TOO_MANY);
        PlatformException e = failure(pinnedClient());
        assertThat(e.failure()).isEqualTo(PlatformFailure.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void aSlowAnswerTimesOutInsteadOfHanging() throws Exception {
        start(tls).fault(TestPlatform.Fault.SLOW_HEADERS);
        long started = System.nanoTime();
        PlatformException e = failure(client(Set.of(PinnedTrustManager.pinOf(tls.certificate())),
                Duration.ofMillis(500)));
        assertThat(e.failure()).isEqualTo(PlatformFailure.TIMEOUT);
        assertThat(e.retryable()).isTrue();
        // Generous bound: the point is "does not wait for the server's 3 s", not a speed goal.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void aTricklingBodyTimesOutToo() throws Exception {
        start(tls).fault(TestPlatform.Fault.TRICKLE_BODY);
        long started = System.nanoTime();
        PlatformException e = failure(client(Set.of(PinnedTrustManager.pinOf(tls.certificate())),
                Duration.ofMillis(700)));
        assertThat(e.failure()).isEqualTo(PlatformFailure.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void anOversizedAnswerIsCutOff() throws Exception {
        start(tls).fault(TestPlatform.Fault.HUGE_BODY);
        PlatformException declared = failure(pinnedClient());
        assertThat(declared.failure()).isEqualTo(PlatformFailure.RESPONSE_TOO_LARGE);
        assertThat(declared.getMessage()).contains("65536");

        platform.fault(TestPlatform.Fault.HUGE_CHUNKED);
        PlatformException streamed = failure(pinnedClient());
        assertThat(streamed.failure()).isEqualTo(PlatformFailure.RESPONSE_TOO_LARGE);
        assertThat(streamed.retryable()).isTrue();
    }

    @Test
    void nobodyListeningIsAConnectFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpPlatformClient client = new HttpPlatformClient(PlatformClientConfig.of(
                URI.create("http://127.0.0.1:" + port), Set.of()),
                new RequestSigner(TERMINAL, keys.getPrivate(), Clock.systemUTC()));
        PlatformException e = catchThrowableOfType(PlatformException.class, () -> client.submitCase(submission()));
        assertThat(e.failure()).isEqualTo(PlatformFailure.CONNECT_FAILED);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void badConfigurationIsRefused() {
        assertThatThrownBy(() -> PlatformClientConfig.of(URI.create("https://gw.example"), Set.of("sha256/abc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        String pin = "sha256/" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> PlatformClientConfig.of(URI.create("http://gw.example"), Set.of(pin)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http");
        assertThatThrownBy(() -> PlatformClientConfig.of(URI.create("ftp://gw.example"), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
