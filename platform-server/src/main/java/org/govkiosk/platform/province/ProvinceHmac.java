package org.govkiosk.platform.province;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.govkiosk.api.CryptoSuite;
import org.govkiosk.api.SmCrypto;

/**
 * The signature of the provincial interface ({@code province-haochaping.yaml}): an HMAC with a shared key over
 * {@code METHOD \n PATH \n TIMESTAMP \n NONCE \n hex(DIGEST(body))}, HMAC-SM3 with SM3 under {@code crypto-suite: sm},
 * HMAC-SHA256 with SHA-256 otherwise. The algorithm travels in a header and must be the one configured: nothing is
 * verified under a guess. Answers are signed the same way over {@code STATUS \n REQUEST-NONCE \n hex(DIGEST(body))},
 * so an acknowledgement is bound to the request it answers.
 */
public final class ProvinceHmac {

    public static final String KEY_ID = "X-Hcp-Key-Id";
    public static final String TIMESTAMP = "X-Hcp-Timestamp";
    public static final String NONCE = "X-Hcp-Nonce";
    public static final String SIGNATURE = "X-Hcp-Signature";
    public static final String ALGORITHM = "X-Hcp-Signature-Algorithm";

    /** The two algorithms, by the suite the platform runs. */
    public enum Algorithm {
        HMAC_SM3("HMAC-SM3"), HMAC_SHA256("HMAC-SHA256");

        private final String header;

        Algorithm(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }

        public static Algorithm of(CryptoSuite suite) {
            return suite == CryptoSuite.SM ? HMAC_SM3 : HMAC_SHA256;
        }
    }

    /** Why a request was refused (each is a 401 with its own code). */
    public static final class Refused extends Exception {
        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Algorithm algorithm;
    private final String keyId;
    private final byte[] key;

    public ProvinceHmac(Algorithm algorithm, String keyId, byte[] key) {
        this.algorithm = Objects.requireNonNull(algorithm);
        this.keyId = Objects.requireNonNull(keyId);
        if (key.length < 16) {
            throw new IllegalArgumentException("a province key needs at least 128 bits");
        }
        this.key = key.clone();
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public String keyId() {
        return keyId;
    }

    /** The headers of a signed request, with a fresh nonce. */
    public Map<String, String> sign(String method, String path, byte[] body, Instant now) {
        byte[] n = new byte[16];
        RANDOM.nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        String timestamp = Long.toString(now.getEpochSecond());
        Map<String, String> h = new LinkedHashMap<>();
        h.put(KEY_ID, keyId);
        h.put(TIMESTAMP, timestamp);
        h.put(NONCE, nonce);
        h.put(ALGORITHM, algorithm.header());
        h.put(SIGNATURE, mac(requestText(method, path, timestamp, nonce, body)));
        return h;
    }

    /** The signature of an answer to the request that carried {@code requestNonce}. */
    public String signAnswer(int status, String requestNonce, byte[] body) {
        return mac(status + "\n" + requestNonce + "\n" + digestHex(body));
    }

    /** Whether an answer's signature is this key's over the answer and the request's nonce. */
    public boolean answerHolds(int status, String requestNonce, byte[] body, String signature) {
        return signature != null && equal(signAnswer(status, requestNonce, body), signature);
    }

    /**
     * Checks a signed request's key id, algorithm, timestamp (within {@code skew} of {@code now}) and signature;
     * the caller checks the nonce's first use after this (so a forged request spends no nonce).
     *
     * @param header the request's headers by name (case as the server gives them)
     */
    public void verify(String method, String path, byte[] body, java.util.function.Function<String, String> header,
            Instant now, Duration skew) throws Refused {
        String id = header.apply(KEY_ID);
        String timestamp = header.apply(TIMESTAMP);
        String nonce = header.apply(NONCE);
        String signature = header.apply(SIGNATURE);
        String alg = header.apply(ALGORITHM);
        if (id == null || timestamp == null || nonce == null || signature == null || alg == null) {
            throw new Refused("unsigned", "the request lacks " + KEY_ID + ", " + TIMESTAMP + ", " + NONCE + ", "
                    + ALGORITHM + " or " + SIGNATURE);
        }
        if (!id.equals(keyId)) {
            throw new Refused("bad-signature", "unknown key id");
        }
        if (!alg.equals(algorithm.header())) {
            throw new Refused("bad-signature", "signed with " + limit(alg) + ", this platform expects "
                    + algorithm.header());
        }
        if (nonce.length() < 16 || nonce.length() > 64) {
            throw new Refused("bad-signature", "a nonce is 16 to 64 characters");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new Refused("stale-timestamp", "the timestamp is not epoch seconds");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > skew.toSeconds()) {
            throw new Refused("stale-timestamp", "the timestamp is more than " + skew.toSeconds()
                    + " s from the platform's clock");
        }
        if (!equal(mac(requestText(method, path, timestamp, nonce, body)), signature)) {
            throw new Refused("bad-signature", "the signature does not hold");
        }
    }

    private static String limit(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    String requestText(String method, String path, String timestamp, String nonce, byte[] body) {
        return method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + digestHex(body);
    }

    /** SM3 or SHA-256 of {@code body}, by the algorithm, in lower-case hex. */
    public String digestHex(byte[] body) {
        try {
            return HexFormat.of().formatHex(algorithm == Algorithm.HMAC_SM3 ? SmCrypto.sm3(body)
                    : MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The keyed hash of a contact (the phone): the province, holding the key, can match a phone it knows. */
    public String keyedHashHex(String text) {
        return HexFormat.of().formatHex(macBytes(text.getBytes(StandardCharsets.UTF_8)));
    }

    private String mac(String text) {
        return Base64.getEncoder().encodeToString(macBytes(text.getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] macBytes(byte[] data) {
        if (algorithm == Algorithm.HMAC_SM3) {
            return SmCrypto.hmacSm3(key, data);
        }
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
