package org.govkiosk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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
import org.junit.jupiter.api.Test;

/**
 * Requests and receipts of the SM suite: SM2-with-SM3, the algorithm named on the wire, and a verifier that never
 * checks a signature under an algorithm other than its key's. The default suite's wire stays as it was.
 */
class SmSigningTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC);
    private static final byte[] BODY = "{\"idempotencyKey\":\"k-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ANSWER = "{\"caseNumber\":\"GK1\"}".getBytes(StandardCharsets.UTF_8);

    private final KeyPair sm2Terminal = TerminalKeys.generate(CryptoSuite.SM);
    private final KeyPair edTerminal = TerminalKeys.generate(CryptoSuite.ED25519_AES);
    private final RequestSigner smSigner = new RequestSigner("T-SM", sm2Terminal.getPrivate(), CLOCK);
    private final RequestVerifier verifier = new RequestVerifier(id -> switch (id) {
        case "T-SM" -> Optional.of(sm2Terminal.getPublic());
        case "T-ED" -> Optional.of(edTerminal.getPublic());
        default -> Optional.empty();
    }, new InMemoryNonceStore(Duration.ofMinutes(10)), CLOCK, Duration.ofMinutes(5));

    @Test
    void anSm2TerminalsRequestNamesItsAlgorithmAndVerifiesWithSm2() throws Exception {
        Map<String, String> headers = smSigner.sign("POST", "/api/v1/cases", BODY).asMap();
        assertThat(headers).containsEntry(SignatureHeaders.ALGORITHM, "SM2-SM3");
        assertThat(verifier.verify("POST", "/api/v1/cases", headers::get, BODY)).isEqualTo("T-SM");
    }

    @Test
    void anSm2RequestAlteredInBodyOrPathIsRefused() {
        Map<String, String> headers = smSigner.sign("POST", "/api/v1/cases", BODY).asMap();
        byte[] other = "{\"idempotencyKey\":\"k-2\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier.verify("POST", "/api/v1/cases", headers::get, other))
                .isInstanceOf(SignatureRejectedException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> verifier.verify("POST", "/api/v1/ratings", headers::get, BODY))
                .isInstanceOf(SignatureRejectedException.class).hasMessageContaining("does not match");
    }

    @Test
    void anAlgorithmOtherThanTheRegisteredKeysIsRefusedByName() {
        Map<String, String> stripped = new HashMap<>(smSigner.sign("POST", "/api/v1/cases", BODY).asMap());
        stripped.remove(SignatureHeaders.ALGORITHM);
        assertThatThrownBy(() -> verifier.verify("POST", "/api/v1/cases", stripped::get, BODY))
                .isInstanceOfSatisfying(SignatureRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignatureRejectedException.Reason.BAD_SIGNATURE))
                .hasMessage("the request is signed with Ed25519 but terminal T-SM is registered with an SM2-SM3 key");
        Map<String, String> edClaimsSm = new HashMap<>(new RequestSigner("T-ED", edTerminal.getPrivate(), CLOCK)
                .sign("POST", "/api/v1/cases", BODY).asMap());
        edClaimsSm.put(SignatureHeaders.ALGORITHM, "SM2-SM3");
        assertThatThrownBy(() -> verifier.verify("POST", "/api/v1/cases", edClaimsSm::get, BODY))
                .hasMessage("the request is signed with SM2-SM3 but terminal T-ED is registered with an Ed25519 key");
        Map<String, String> unknown = new HashMap<>(smSigner.sign("POST", "/api/v1/cases", BODY).asMap());
        unknown.put(SignatureHeaders.ALGORITHM, "SM9");
        assertThatThrownBy(() -> verifier.verify("POST", "/api/v1/cases", unknown::get, BODY))
                .hasMessageContaining("names no known algorithm");
    }

    @Test
    void theDefaultSuitesRequestsCarryTheFourHeadersOfBefore() throws Exception {
        Map<String, String> headers = new RequestSigner("T-ED", edTerminal.getPrivate(), CLOCK)
                .sign("POST", "/api/v1/cases", BODY).asMap();
        assertThat(headers).containsOnlyKeys(SignatureHeaders.TERMINAL_ID, SignatureHeaders.TIMESTAMP,
                SignatureHeaders.NONCE, SignatureHeaders.SIGNATURE);
        assertThat(verifier.verify("POST", "/api/v1/cases", headers::get, BODY)).isEqualTo("T-ED");
    }

    @Test
    void anSm2PlatformsReceiptVerifiesUnderItsPinnedSm2Key() {
        KeyPair platform = TerminalKeys.generate(CryptoSuite.SM);
        SignedHeaders request = smSigner.sign("POST", "/api/v1/cases", BODY);
        Map<String, String> receipt = new ReceiptSigner(platform, CLOCK)
                .sign(201, "POST", "/api/v1/cases", request, BODY, ANSWER);
        assertThat(receipt).containsEntry(ReceiptHeaders.ALGORITHM, "SM2-SM3");
        ReceiptVerifier pinned = new ReceiptVerifier(TerminalKeys.decodePublic(
                TerminalKeys.encodePublic(platform.getPublic())));
        assertThatCode(() -> pinned.verify(201, "POST", "/api/v1/cases", request, BODY, receipt::get, ANSWER))
                .doesNotThrowAnyException();
        byte[] otherAnswer = "{\"caseNumber\":\"GK2\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> pinned.verify(201, "POST", "/api/v1/cases", request, BODY, receipt::get,
                otherAnswer)).isInstanceOfSatisfying(ReceiptRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReceiptRejectedException.Reason.BAD_SIGNATURE));
    }

    @Test
    void aReceiptOfAnotherAlgorithmThanThePinnedKeysIsRefusedByName() {
        KeyPair smPlatform = TerminalKeys.generate(CryptoSuite.SM);
        KeyPair edPlatform = TerminalKeys.generate(CryptoSuite.ED25519_AES);
        SignedHeaders request = smSigner.sign("POST", "/api/v1/cases", BODY);
        Map<String, String> smReceipt = new ReceiptSigner(smPlatform, CLOCK)
                .sign(201, "POST", "/api/v1/cases", request, BODY, ANSWER);
        assertThatThrownBy(() -> new ReceiptVerifier(edPlatform.getPublic()).verify(201, "POST", "/api/v1/cases",
                request, BODY, smReceipt::get, ANSWER)).isInstanceOfSatisfying(ReceiptRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReceiptRejectedException.Reason.WRONG_ALGORITHM))
                .hasMessageContaining("signed with SM2-SM3").hasMessageContaining("is an Ed25519 key");
        Map<String, String> stripped = new HashMap<>(smReceipt);
        stripped.remove(ReceiptHeaders.ALGORITHM);
        assertThatThrownBy(() -> new ReceiptVerifier(smPlatform.getPublic()).verify(201, "POST", "/api/v1/cases",
                request, BODY, stripped::get, ANSWER)).isInstanceOfSatisfying(ReceiptRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ReceiptRejectedException.Reason.WRONG_ALGORITHM));
    }
}
