package org.govkiosk.api;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signs the platform's receipts. A receipt is bound to the very request it answers: the signed bytes are a receipt
 * header (scheme, HTTP status, the platform's timestamp, the SHA-256 of the answer's body) followed by the
 * request's own {@link RequestSigner#canonical canonical form} (method, path, terminal id, the request's timestamp
 * and nonce, the SHA-256 of its body, which holds the idempotency key). So a receipt cannot be moved to another
 * terminal, another request or another attempt of the same request (every attempt has a fresh nonce), and nobody
 * without the platform's key can make one (see {@link ReceiptVerifier}). A platform of the
 * {@link CryptoSuite#SM SM suite} signs with an SM2 key (SM3 of the answer's body, its own scheme line) and names
 * the algorithm in {@link ReceiptHeaders#ALGORITHM}; the Ed25519 receipt sends no such header, as before.
 */
public final class ReceiptSigner {

    static final String SCHEME = SignatureAlgorithm.ED25519.receiptScheme();

    private final KeyPair keys;
    private final SignatureAlgorithm algorithm;
    private final Clock clock;
    private final String keyId;

    public ReceiptSigner(KeyPair keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keyId = TerminalKeys.keyId(keys.getPublic());
        this.algorithm = SignatureAlgorithm.of(keys.getPublic());
    }

    /**
     * The receipt headers of an answer.
     *
     * @param request      the signature headers of the request answered (as the platform verified them)
     * @param requestBody  the request's body as received
     * @param responseBody the answer's body, exactly as it is sent
     */
    public Map<String, String> sign(int status, String method, String pathAndQuery, SignedHeaders request,
            byte[] requestBody, byte[] responseBody) {
        String timestamp = Long.toString(clock.millis());
        byte[] canonical = canonical(algorithm, status, timestamp, responseBody,
                RequestSigner.canonical(request.algorithm(), method, pathAndQuery, request.terminalId(),
                        request.timestamp(), request.nonce(), requestBody));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ReceiptHeaders.TIMESTAMP, timestamp);
        headers.put(ReceiptHeaders.KEY_ID, keyId);
        headers.put(ReceiptHeaders.SIGNATURE,
                Base64.getEncoder().encodeToString(algorithm.sign(keys.getPrivate(), canonical)));
        if (algorithm != SignatureAlgorithm.ED25519) {
            headers.put(ReceiptHeaders.ALGORITHM, algorithm.wireName());
        }
        return headers;
    }

    /** How the receipts are signed (the algorithm of the platform's key). */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    public String keyId() {
        return keyId;
    }

    /**
     * The signed bytes: the lines scheme, HTTP status, receipt timestamp and lower-case hex digest (SHA-256; SM3
     * for SM2) of the answer's body, each ended by "\n", then the request's canonical bytes.
     */
    static byte[] canonical(SignatureAlgorithm algorithm, int status, String timestamp, byte[] responseBody,
            byte[] requestCanonical) {
        String head = String.join("\n", algorithm.receiptScheme(), Integer.toString(status), timestamp,
                algorithm.digestHex(responseBody == null ? new byte[0] : responseBody)) + "\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[headBytes.length + requestCanonical.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(requestCanonical, 0, all, headBytes.length, requestCanonical.length);
        return all;
    }
}
