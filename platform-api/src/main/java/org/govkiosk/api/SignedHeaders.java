package org.govkiosk.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers {@link RequestSigner} adds to a request: four, and a fifth naming the algorithm unless it is Ed25519
 * (whose requests look as they always did).
 */
public record SignedHeaders(String terminalId, String timestamp, String nonce, String signature,
        SignatureAlgorithm algorithm) {

    public SignedHeaders {
        algorithm = algorithm == null ? SignatureAlgorithm.ED25519 : algorithm;
    }

    /** Headers of an Ed25519 request. */
    public SignedHeaders(String terminalId, String timestamp, String nonce, String signature) {
        this(terminalId, timestamp, nonce, signature, SignatureAlgorithm.ED25519);
    }

    public Map<String, String> asMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SignatureHeaders.TERMINAL_ID, terminalId);
        headers.put(SignatureHeaders.TIMESTAMP, timestamp);
        headers.put(SignatureHeaders.NONCE, nonce);
        headers.put(SignatureHeaders.SIGNATURE, signature);
        if (algorithm != SignatureAlgorithm.ED25519) {
            headers.put(SignatureHeaders.ALGORITHM, algorithm.wireName());
        }
        return headers;
    }
}
