package org.govkiosk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.govkiosk.api.ReceiptRejectedException.Reason;
import org.junit.jupiter.api.Test;

class ReceiptSigningTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC);
    private static final byte[] REQUEST = "{\"idempotencyKey\":\"k-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ANSWER = "{\"caseNumber\":\"GK1\"}".getBytes(StandardCharsets.UTF_8);

    private final KeyPair platform = TerminalKeys.generate();
    private final ReceiptSigner receipts = new ReceiptSigner(platform, CLOCK);
    private final RequestSigner terminal = new RequestSigner("T-001", TerminalKeys.generate().getPrivate(), CLOCK);
    private final SignedHeaders request = terminal.sign("POST", "/api/v1/cases", REQUEST);

    private void verify(KeyPair pinned, Map<String, String> headers, int status, String path, SignedHeaders req,
            byte[] requestBody, byte[] answer) throws ReceiptRejectedException {
        new ReceiptVerifier(pinned.getPublic()).verify(status, "POST", path, req, requestBody, headers::get, answer);
    }

    @Test
    void theAnswerToThisRequestVerifiesUnderThePinnedKey() {
        Map<String, String> headers = receipts.sign(201, "POST", "/api/v1/cases", request, REQUEST, ANSWER);
        assertThat(headers).containsKeys(ReceiptHeaders.SIGNATURE, ReceiptHeaders.TIMESTAMP, ReceiptHeaders.KEY_ID);
        assertThatCode(() -> verify(platform, headers, 201, "/api/v1/cases", request, REQUEST, ANSWER))
                .doesNotThrowAnyException();
    }

    @Test
    void aReceiptDoesNotMoveToAnotherAnswerRequestAttemptOrStatus() {
        Map<String, String> headers = receipts.sign(201, "POST", "/api/v1/cases", request, REQUEST, ANSWER);
        byte[] otherAnswer = "{\"caseNumber\":\"GK2\"}".getBytes(StandardCharsets.UTF_8);
        byte[] otherKey = "{\"idempotencyKey\":\"k-2\"}".getBytes(StandardCharsets.UTF_8);
        SignedHeaders nextAttempt = terminal.sign("POST", "/api/v1/cases", REQUEST);
        assertRejected(() -> verify(platform, headers, 201, "/api/v1/cases", request, REQUEST, otherAnswer),
                Reason.BAD_SIGNATURE);
        assertRejected(() -> verify(platform, headers, 201, "/api/v1/cases", request, otherKey, ANSWER),
                Reason.BAD_SIGNATURE);
        assertRejected(() -> verify(platform, headers, 201, "/api/v1/cases", nextAttempt, REQUEST, ANSWER),
                Reason.BAD_SIGNATURE);
        assertRejected(() -> verify(platform, headers, 200, "/api/v1/cases", request, REQUEST, ANSWER),
                Reason.BAD_SIGNATURE);
        assertRejected(() -> verify(platform, headers, 201, "/api/v1/ratings", request, REQUEST, ANSWER),
                Reason.BAD_SIGNATURE);
    }

    @Test
    void unsignedOrOtherKeyOrMalformedIsRejected() {
        assertRejected(() -> verify(platform, Map.of(), 201, "/api/v1/cases", request, REQUEST, ANSWER),
                Reason.UNSIGNED);
        Map<String, String> impostor = new ReceiptSigner(TerminalKeys.generate(), CLOCK)
                .sign(201, "POST", "/api/v1/cases", request, REQUEST, ANSWER);
        assertRejected(() -> verify(platform, impostor, 201, "/api/v1/cases", request, REQUEST, ANSWER),
                Reason.OTHER_KEY);
        Map<String, String> claimsOurs = new HashMap<>(impostor);
        claimsOurs.put(ReceiptHeaders.KEY_ID, TerminalKeys.keyId(platform.getPublic()));
        assertRejected(() -> verify(platform, claimsOurs, 201, "/api/v1/cases", request, REQUEST, ANSWER),
                Reason.BAD_SIGNATURE);
        Map<String, String> garbage = new HashMap<>(
                receipts.sign(201, "POST", "/api/v1/cases", request, REQUEST, ANSWER));
        garbage.put(ReceiptHeaders.SIGNATURE, "%%%");
        assertRejected(() -> verify(platform, garbage, 201, "/api/v1/cases", request, REQUEST, ANSWER),
                Reason.MALFORMED);
    }

    private interface Call {
        void run() throws ReceiptRejectedException;
    }

    private static void assertRejected(Call call, Reason reason) {
        assertThatThrownBy(call::run).isInstanceOf(ReceiptRejectedException.class)
                .satisfies(e -> assertThat(((ReceiptRejectedException) e).reason()).isEqualTo(reason));
    }
}
