package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.ReceiptHeaders;
import org.govkiosk.api.ReceiptRejectedException;
import org.govkiosk.api.ReceiptVerifier;
import org.govkiosk.api.RegistrationReceipt;
import org.govkiosk.api.SignedHeaders;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.api.TerminalRegistration;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/**
 * The platform signs its receipts (cases, ratings; supplements and issuances go through the same
 * {@link RouteSupport#receipt}) with its own key, which it hands a terminal at registration; each receipt
 * verifies for the request it answers and for no other.
 */
class SignedReceiptsHttpTest extends RunningPlatform {

    private final PlatformConfig sharedDb = PlatformConfig.embedded().withTokens(ENROLMENT, CLERK);

    @Override
    protected PlatformConfig config() {
        return sharedDb;
    }

    private record Sent(SignedHeaders signed, byte[] body, HttpResponse<String> response) {
    }

    private Sent post(String path, Object value) throws Exception {
        byte[] body = TestTerminal.JSON.writeValueAsBytes(value);
        SignedHeaders signed = terminal.sign("POST", path, body);
        return new Sent(signed, body, terminal.sendWith("POST", path, body, signed.asMap()));
    }

    private void verify(Sent sent, String path) throws ReceiptRejectedException {
        new ReceiptVerifier(server.receiptKey()).verify(sent.response.statusCode(), "POST", path, sent.signed,
                sent.body, h -> sent.response.headers().firstValue(h).orElse(null),
                sent.response.body().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void registrationHandsOutTheKeyThatSignsTheReceipts() throws Exception {
        TestTerminal other = new TestTerminal(server.baseUri(), "T-002", clock);
        HttpResponse<String> r = other.unsigned("POST", ApiPaths.TERMINALS, TestTerminal.JSON.writeValueAsBytes(
                new TerminalRegistration("T-002", "HALL-1", TerminalKeys.encodePublic(other.keys.getPublic()),
                        ENROLMENT, "KX-1", "1.0")));
        assertThat(r.statusCode()).isEqualTo(200);
        RegistrationReceipt receipt = TestTerminal.read(r, RegistrationReceipt.class);
        assertThat(TerminalKeys.decodePublic(receipt.platformKey())).isEqualTo(server.receiptKey());
    }

    @Test
    void aCaseAndItsResendAndARatingAreAnsweredWithReceiptsBoundToTheirRequest() throws Exception {
        Sent filed = post(ApiPaths.CASES, Fixtures.submission(terminal.id, "k-1"));
        assertThat(filed.response.statusCode()).as(filed.response.body()).isEqualTo(201);
        assertThat(filed.response.headers().firstValue(ReceiptHeaders.KEY_ID))
                .contains(TerminalKeys.keyId(server.receiptKey()));
        assertThatCode(() -> verify(filed, ApiPaths.CASES)).doesNotThrowAnyException();

        Sent resent = post(ApiPaths.CASES, Fixtures.submission(terminal.id, "k-1"));
        assertThat(resent.response.statusCode()).isEqualTo(200);
        assertThatCode(() -> verify(resent, ApiPaths.CASES)).doesNotThrowAnyException();
        // The first attempt's receipt does not answer the second attempt (another nonce).
        Sent swapped = new Sent(resent.signed, resent.body, filed.response);
        assertThatThrownBy(() -> verify(swapped, ApiPaths.CASES)).isInstanceOf(ReceiptRejectedException.class);

        String n = TestTerminal.read(filed.response, CaseReceipt.class).caseNumber();
        Sent rated = post(ApiPaths.RATINGS, Fixtures.rating(terminal.id, "r-1", n, "1", 5));
        assertThat(rated.response.statusCode()).as(rated.response.body()).isEqualTo(201);
        assertThatCode(() -> verify(rated, ApiPaths.RATINGS)).doesNotThrowAnyException();
    }

    @Test
    void theReceiptKeyIsTheDatabasesAndOutlivesARestart() {
        try (PlatformServer second = PlatformServer.start(sharedDb, clock)) {
            assertThat(second.receiptKey()).isEqualTo(server.receiptKey());
        }
        try (PlatformServer elsewhere = PlatformServer.start(PlatformConfig.embedded(), clock)) {
            assertThat(elsewhere.receiptKey()).isNotEqualTo(server.receiptKey());
        }
    }
}
