package org.govkiosk.api;

/** Header names of a signed request (see {@link RequestSigner}). */
public final class SignatureHeaders {

    public static final String TERMINAL_ID = "X-Terminal-Id";
    /** Milliseconds since the epoch, decimal. */
    public static final String TIMESTAMP = "X-Timestamp";
    /** 16 to 64 characters of [A-Za-z0-9_-], fresh for every request. */
    public static final String NONCE = "X-Nonce";
    /** Base64 of the signature over the canonical string (Ed25519, or SM2 as DER of r and s). */
    public static final String SIGNATURE = "X-Signature";
    /**
     * {@link SignatureAlgorithm#wireName}: {@code SM2-SM3}; absent means Ed25519 (the default suite sends none, as
     * before). The platform refuses a request whose algorithm is not the one of the terminal's registered key.
     */
    public static final String ALGORITHM = "X-Signature-Algorithm";

    private SignatureHeaders() {
    }
}
