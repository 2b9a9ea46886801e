package org.govkiosk.api;

import java.security.PublicKey;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.govkiosk.api.ReceiptRejectedException.Reason;

/** The terminal's side of {@link ReceiptSigner}: checks a receipt against the platform key it pinned. */
public final class ReceiptVerifier {

    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,15}");

    private final PublicKey pinned;
    private final String pinnedId;
    private final SignatureAlgorithm algorithm;

    /** @throws IllegalArgumentException if the key is neither Ed25519 nor SM2 */
    public ReceiptVerifier(PublicKey pinned) {
        this.pinned = Objects.requireNonNull(pinned, "pinned");
        this.pinnedId = TerminalKeys.keyId(pinned);
        this.algorithm = SignatureAlgorithm.of(pinned);
    }

    /**
     * Verifies the receipt of an answer to the request this terminal signed with {@code request}.
     *
     * @param responseHeader looks up a header of the answer; {@code null} when absent
     * @throws ReceiptRejectedException unless the pinned key signed exactly this answer to exactly this request
     */
    public void verify(int status, String method, String pathAndQuery, SignedHeaders request, byte[] requestBody,
            Function<String, String> responseHeader, byte[] responseBody) throws ReceiptRejectedException {
        String signature = responseHeader.apply(ReceiptHeaders.SIGNATURE);
        String timestamp = responseHeader.apply(ReceiptHeaders.TIMESTAMP);
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            throw new ReceiptRejectedException(Reason.UNSIGNED, "the answer carries no signed receipt ("
                    + ReceiptHeaders.SIGNATURE + ", " + ReceiptHeaders.TIMESTAMP + ")");
        }
        if (!TIMESTAMP.matcher(timestamp.strip()).matches()) {
            throw new ReceiptRejectedException(Reason.MALFORMED, ReceiptHeaders.TIMESTAMP
                    + " is not epoch milliseconds");
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            throw new ReceiptRejectedException(Reason.MALFORMED, ReceiptHeaders.SIGNATURE + " is not base64");
        }
        String claimed = responseHeader.apply(ReceiptHeaders.ALGORITHM);
        SignatureAlgorithm named = SignatureAlgorithm.fromHeader(claimed).orElseThrow(() ->
                new ReceiptRejectedException(Reason.MALFORMED, ReceiptHeaders.ALGORITHM + " names no known"
                        + " algorithm (Ed25519 or SM2-SM3)"));
        if (named != algorithm) {
            throw new ReceiptRejectedException(Reason.WRONG_ALGORITHM, "the receipt is signed with "
                    + named.wireName() + " but the pinned platform key " + pinnedId + " is an " + algorithm.wireName()
                    + " key");
        }
        byte[] canonical = ReceiptSigner.canonical(algorithm, status, timestamp.strip(), responseBody,
                RequestSigner.canonical(request.algorithm(), method, pathAndQuery, request.terminalId(),
                        request.timestamp(), request.nonce(), requestBody));
        if (algorithm.holds(pinned, canonical, signatureBytes)) {
            return;
        }
        String keyId = responseHeader.apply(ReceiptHeaders.KEY_ID);
        if (keyId != null && !keyId.strip().equals(pinnedId)) {
            throw new ReceiptRejectedException(Reason.OTHER_KEY, "the receipt is signed by key "
                    + shorten(keyId.strip()) + ", not by the pinned platform key " + pinnedId);
        }
        throw new ReceiptRejectedException(Reason.BAD_SIGNATURE, "the receipt's signature does not hold for this"
                + " request and answer under the pinned platform key " + pinnedId);
    }

    public String pinnedKeyId() {
        return pinnedId;
    }

    private static String shorten(String s) {
        String safe = s.replaceAll("[^A-Za-z0-9_-]", "?");
        return safe.length() <= 32 ? safe : safe.substring(0, 32) + "…";
    }
}
