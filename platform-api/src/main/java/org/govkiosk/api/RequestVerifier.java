package org.govkiosk.api;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.govkiosk.api.SignatureRejectedException.Reason;

/** Checks a request signed by {@link RequestSigner}; the platform side of the scheme. */
public final class RequestVerifier {

    /** Looks up a registered terminal's key. */
    @FunctionalInterface
    public interface PublicKeys {
        Optional<PublicKey> of(String terminalId);
    }

    public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(5);

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,15}");

    private final PublicKeys keys;
    private final NonceStore nonces;
    private final Clock clock;
    private final Duration maxSkew;

    public RequestVerifier(PublicKeys keys, NonceStore nonces, Clock clock, Duration maxSkew) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
    }

    /**
     * Verifies a request and returns the terminal id it was signed by. The nonce is recorded only once the
     * signature holds, so nobody can use up a terminal's nonces with forged requests.
     *
     * @param header looks up a request header by name; {@code null} when absent
     */
    public String verify(String method, String pathAndQuery, Function<String, String> header, byte[] body)
            throws SignatureRejectedException {
        PublicKey key = keys.of(beforeBody(header)).orElseThrow(() -> new SignatureRejectedException(
                Reason.UNKNOWN_TERMINAL, "terminal is not registered"));
        String terminalId = header.apply(SignatureHeaders.TERMINAL_ID);
        String timestamp = header.apply(SignatureHeaders.TIMESTAMP);
        String nonce = header.apply(SignatureHeaders.NONCE);
        String signature = header.apply(SignatureHeaders.SIGNATURE);
        SignatureAlgorithm algorithm = algorithmOf(key, terminalId, header.apply(SignatureHeaders.ALGORITHM));
        Instant at = Instant.ofEpochMilli(Long.parseLong(timestamp));
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException(Reason.BAD_SIGNATURE, "X-Signature is not base64");
        }
        if (!algorithm.holds(key, RequestSigner.canonical(algorithm, method, pathAndQuery, terminalId, timestamp,
                nonce, body), signatureBytes)) {
            throw new SignatureRejectedException(Reason.BAD_SIGNATURE, "signature does not match the request");
        }
        if (!nonces.firstUse(terminalId, nonce, at)) {
            throw new SignatureRejectedException(Reason.REPLAYED_NONCE, "nonce was used before: replay refused");
        }
        return terminalId;
    }

    /**
     * What can be checked before the body is read: the signature headers are there and well-formed, the timestamp
     * is fresh and the terminal is registered. A server calls this first, so nobody without a registered terminal
     * makes it read (or make room for) a large body. Returns the terminal id the request claims.
     */
    public String beforeBody(Function<String, String> header) throws SignatureRejectedException {
        String terminalId = header.apply(SignatureHeaders.TERMINAL_ID);
        String timestamp = header.apply(SignatureHeaders.TIMESTAMP);
        String nonce = header.apply(SignatureHeaders.NONCE);
        String signature = header.apply(SignatureHeaders.SIGNATURE);
        if (isBlank(terminalId) || isBlank(timestamp) || isBlank(nonce) || isBlank(signature)) {
            throw new SignatureRejectedException(Reason.UNSIGNED, "request is not signed: "
                    + SignatureHeaders.TERMINAL_ID + ", " + SignatureHeaders.TIMESTAMP + ", "
                    + SignatureHeaders.NONCE + " and " + SignatureHeaders.SIGNATURE + " are required");
        }
        if (!TIMESTAMP.matcher(timestamp).matches()) {
            throw new SignatureRejectedException(Reason.UNSIGNED, "X-Timestamp must be epoch milliseconds");
        }
        if (!NONCE.matcher(nonce).matches()) {
            throw new SignatureRejectedException(Reason.UNSIGNED, "X-Nonce must be 16 to 64 of [A-Za-z0-9_-]");
        }
        Instant at = Instant.ofEpochMilli(Long.parseLong(timestamp));
        Duration skew = Duration.between(at, clock.instant()).abs();
        if (skew.compareTo(maxSkew) > 0) {
            throw new SignatureRejectedException(Reason.STALE_TIMESTAMP, "timestamp is " + skew.toSeconds()
                    + " s away from the platform's clock (at most " + maxSkew.toSeconds() + " s allowed)");
        }
        if (keys.of(terminalId).isEmpty()) {
            throw new SignatureRejectedException(Reason.UNKNOWN_TERMINAL, "terminal is not registered");
        }
        return terminalId;
    }

    /** How long a nonce must be remembered: a request older than this fails the timestamp check anyway. */
    public Duration nonceWindow() {
        return maxSkew.multipliedBy(2);
    }

    /**
     * The algorithm the request is checked with: the one of the terminal's registered key, which the request must
     * name too (no header: Ed25519). A mismatch is refused with both names, never verified under a guess.
     */
    private static SignatureAlgorithm algorithmOf(PublicKey key, String terminalId, String claimed)
            throws SignatureRejectedException {
        SignatureAlgorithm registered;
        try {
            registered = SignatureAlgorithm.of(key);
        } catch (IllegalArgumentException e) {
            throw new SignatureRejectedException(Reason.BAD_SIGNATURE, "terminal " + terminalId
                    + " is registered with a key no signature algorithm here uses");
        }
        SignatureAlgorithm named = SignatureAlgorithm.fromHeader(claimed).orElseThrow(() ->
                new SignatureRejectedException(Reason.UNSIGNED, SignatureHeaders.ALGORITHM + " names no known"
                        + " algorithm (Ed25519 or SM2-SM3)"));
        if (named != registered) {
            throw new SignatureRejectedException(Reason.BAD_SIGNATURE, "the request is signed with "
                    + named.wireName() + " but terminal " + terminalId + " is registered with an "
                    + registered.wireName() + " key");
        }
        return registered;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
