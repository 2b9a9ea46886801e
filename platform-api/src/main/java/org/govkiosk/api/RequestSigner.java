package org.govkiosk.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs a terminal's request: Ed25519 over {@link #canonical canonical bytes} made of the method, the raw path and
 * query, the terminal id, a timestamp, a fresh nonce and the SHA-256 of the body. The platform checks all of them
 * (see {@link RequestVerifier}), so a captured request can be neither altered nor sent again. A terminal of the
 * {@link CryptoSuite#SM SM suite} holds an SM2 key: it signs with SM2-with-SM3 over the same lines, with its own
 * scheme line and the SM3 of the body, and names the algorithm in {@link SignatureHeaders#ALGORITHM}.
 */
public final class RequestSigner {

    static final String SCHEME = SignatureAlgorithm.ED25519.requestScheme();

    private final String terminalId;
    private final PrivateKey key;
    private final SignatureAlgorithm algorithm;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RequestSigner(String terminalId, PrivateKey key, Clock clock) {
        this.terminalId = Check.text(terminalId, "terminalId", 64);
        this.key = Objects.requireNonNull(key, "key");
        this.algorithm = SignatureAlgorithm.of(key);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Signs a request to {@code uri} (its raw, still percent-encoded path and query are signed). */
    public SignedHeaders sign(String method, URI uri, byte[] body) {
        return sign(method, pathAndQuery(uri), body);
    }

    /** @param pathAndQuery the raw path, plus {@code ?} and the raw query if there is one */
    public SignedHeaders sign(String method, String pathAndQuery, byte[] body) {
        String timestamp = Long.toString(clock.millis());
        byte[] nonceBytes = new byte[18];
        random.nextBytes(nonceBytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
        byte[] canonical = canonical(algorithm, method, pathAndQuery, terminalId, timestamp, nonce, body);
        return new SignedHeaders(terminalId, timestamp, nonce,
                Base64.getEncoder().encodeToString(algorithm.sign(key, canonical)), algorithm);
    }

    /** How this terminal signs (the algorithm of its key). */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    public String terminalId() {
        return terminalId;
    }

    /** The raw path and query of a URI as a server sees them on the request line. */
    public static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /**
     * The signed bytes: one line each for scheme, upper-case method, path and query, terminal id, timestamp,
     * nonce, and the lower-case hex SHA-256 of the body (of zero bytes when there is none).
     */
    public static byte[] canonical(String method, String pathAndQuery, String terminalId, String timestamp,
            String nonce, byte[] body) {
        return canonical(SignatureAlgorithm.ED25519, method, pathAndQuery, terminalId, timestamp, nonce, body);
    }

    /**
     * The signed bytes under {@code algorithm}: its scheme line ({@code GOVKIOSK-SM2-SM3-V1} for SM2) and its
     * digest of the body (SM3 for SM2), the other lines as above.
     */
    public static byte[] canonical(SignatureAlgorithm algorithm, String method, String pathAndQuery,
            String terminalId, String timestamp, String nonce, byte[] body) {
        String text = String.join("\n", algorithm.requestScheme(), method.toUpperCase(java.util.Locale.ROOT),
                pathAndQuery, terminalId, timestamp, nonce, algorithm.digestHex(body == null ? new byte[0] : body));
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
