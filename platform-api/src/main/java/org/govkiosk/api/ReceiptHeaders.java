package org.govkiosk.api;

/**
 * Header names of a signed receipt (see {@link ReceiptSigner}): the platform's answer to a case, supplement,
 * rating or issuance carries them, and a terminal drops its copy of what it sent only once they verify.
 */
public final class ReceiptHeaders {

    /** Base64 of the platform's signature (Ed25519, or SM2 as DER of r and s) over the receipt's canonical bytes. */
    public static final String SIGNATURE = "X-Receipt-Signature";
    /**
     * {@link SignatureAlgorithm#wireName} of the receipt: {@code SM2-SM3}; absent means Ed25519. A terminal refuses a
     * receipt whose algorithm is not the one of the platform key it pinned.
     */
    public static final String ALGORITHM = "X-Receipt-Algorithm";
    /** When the platform signed, in milliseconds since the epoch, decimal. */
    public static final String TIMESTAMP = "X-Receipt-Timestamp";
    /** Which key signed: {@link TerminalKeys#keyId}, for a technician comparing keys; not trusted by itself. */
    public static final String KEY_ID = "X-Receipt-Key-Id";

    private ReceiptHeaders() {
    }
}
