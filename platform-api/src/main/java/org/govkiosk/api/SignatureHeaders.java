package org.govkiosk.api;

/** Header names of a signed request (see {@link RequestSigner}). */
public final class SignatureHeaders {

    public static final String TERMINAL_ID = "X-Terminal-Id";
    /** Milliseconds since the epoch, decimal. */
    public static final String TIMESTAMP = "X-Timestamp";
    /** 16 to 64 characters of [A-Za-z0-9_-], fresh for every request. */
    public static final String NONCE = "X-Nonce";
    /** Base64 of the Ed25519 signature over the canonical string. */
    public static final String SIGNATURE = "X-Signature";

    private SignatureHeaders() {
    }
}
