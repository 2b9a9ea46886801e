package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CryptoSuite;
import org.govkiosk.api.ReceiptHeaders;
import org.govkiosk.api.ReceiptVerifier;
import org.govkiosk.api.RegistrationReceipt;
import org.govkiosk.api.SignatureAlgorithm;
import org.govkiosk.api.SignatureHeaders;
import org.govkiosk.api.SignedHeaders;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.PlatformConfigLoader;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform run with {@code crypto-suite: sm}: it hands out an SM2 receipt key, registers SM2 terminals only,
 * verifies their requests with SM2 and signs its receipts with SM2, naming the algorithm on the wire.
 */
class SmPlatformHttpTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T02:00:00Z"));
    private PlatformServer server;

    @BeforeEach
    void start() {
        server = PlatformServer.start(PlatformConfig.embedded()
                .withTokens(RunningPlatform.ENROLMENT, RunningPlatform.CLERK).withCryptoSuite(CryptoSuite.SM), clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anSm2TerminalRegistersPinsAnSm2KeyAndFilesACaseUnderAnSm2Receipt() throws Exception {
        TestTerminal terminal = new TestTerminal(server.baseUri(), "T-SM", clock, CryptoSuite.SM);
        HttpResponse<String> registered = terminal.unsigned("POST", ApiPaths.TERMINALS, TestTerminal.JSON
                .writeValueAsBytes(new org.govkiosk.api.TerminalRegistration("T-SM", "HALL-1",
                        TerminalKeys.encodePublic(terminal.keys.getPublic()), RunningPlatform.ENROLMENT, "KX", "1")));
        assertThat(registered.statusCode()).isEqualTo(200);
        var platformKey = TerminalKeys.decodePublic(TestTerminal.read(registered, RegistrationReceipt.class)
                .platformKey());
        assertThat(SignatureAlgorithm.of(platformKey)).isEqualTo(SignatureAlgorithm.SM2_SM3);
        assertThat(platformKey).isEqualTo(server.receiptKey());

        byte[] body = TestTerminal.JSON.writeValueAsBytes(Fixtures.submission("T-SM", "k-1"));
        SignedHeaders signed = terminal.sign("POST", ApiPaths.CASES, body);
        assertThat(signed.asMap()).containsEntry(SignatureHeaders.ALGORITHM, "SM2-SM3");
        HttpResponse<String> filed = terminal.sendWith("POST", ApiPaths.CASES, body, signed.asMap());
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        assertThat(filed.headers().firstValue(ReceiptHeaders.ALGORITHM)).contains("SM2-SM3");
        assertThatCode(() -> new ReceiptVerifier(platformKey).verify(201, "POST", ApiPaths.CASES, signed, body,
                h -> filed.headers().firstValue(h).orElse(null), filed.body().getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();

        // The same request with its algorithm header taken off claims Ed25519: refused by name, not verified.
        SignedHeaders again = terminal.sign("POST", ApiPaths.CASES, body);
        Map<String, String> stripped = new HashMap<>(again.asMap());
        stripped.remove(SignatureHeaders.ALGORITHM);
        HttpResponse<String> refused = terminal.sendWith("POST", ApiPaths.CASES, body, stripped);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("bad-signature").contains("signed with Ed25519")
                .contains("registered with an SM2-SM3 key");
    }

    @Test
    void anEd25519TerminalIsNotRegistered() throws Exception {
        TestTerminal terminal = new TestTerminal(server.baseUri(), "T-ED", clock);
        assertThatThrownBy(() -> terminal.registered(RunningPlatform.ENROLMENT))
                .hasMessageContaining("400").hasMessageContaining("registers SM2 keys only, not Ed25519");
    }

    @Test
    void theConfigNamesTheSuiteAndRefusesAnUnknownOne(@TempDir Path dir) throws Exception {
        assertThat(PlatformConfigLoader.fromArgs(new String[0], Map.of()).cryptoSuite())
                .isEqualTo(CryptoSuite.ED25519_AES);
        Path yaml = Files.writeString(dir.resolve("platform.yaml"), "crypto-suite: sm\n");
        assertThat(PlatformConfigLoader.fromArgs(new String[] {"--config=" + yaml}, Map.of()).cryptoSuite())
                .isEqualTo(CryptoSuite.SM);
        assertThatThrownBy(() -> PlatformConfigLoader.fromArgs(new String[] {"--crypto-suite=gm"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flags: crypto-suite: unknown crypto suite 'gm': expected ed25519-aes or sm");
        assertThat(PlatformConfigLoader.fromArgs(new String[] {"--config=" + Path.of("../config/platform.yaml")},
                Map.of()).cryptoSuite()).as("the shipped platform.yaml").isEqualTo(CryptoSuite.ED25519_AES);
    }
}
