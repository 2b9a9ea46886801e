package org.govkiosk.app.platform;

/** Why a platform call failed, and whether sending the same request again later can help. */
public enum PlatformFailure {
    /** Nobody answered on the port (platform down, network cut). */
    CONNECT_FAILED(true),
    /** No answer within the timeout (connect, response or whole call). */
    TIMEOUT(true),
    /**
     * The TLS handshake failed: certificate not trusted or not matching the pin. Retryable, because the queued
     * case is not at fault (a gateway's certificate being replaced, a misconfigured pin); the terminal keeps it and
     * the technician must look — the worker's last problem says so.
     */
    TLS(true),
    /** Another I/O failure mid-exchange (connection reset). */
    NETWORK(true),
    /** 5xx: the platform's own trouble. */
    SERVER_ERROR(true),
    /** 429 or 503 with Retry-After: the platform asks to slow down. */
    RATE_LIMITED(true),
    /** A 2xx whose body is not the expected JSON. The platform may have stored the request; a resend is safe. */
    BAD_RESPONSE(true),
    /** The answer is larger than the configured limit; not read to the end. */
    RESPONSE_TOO_LARGE(true),
    /**
     * 4xx the platform marked retryable: this terminal is not registered yet, or its clock is off (a stale
     * timestamp). A technician's fix (registration, time sync) lets the same request through, re-signed.
     */
    REFUSED_FOR_NOW(true),
    /**
     * A 2xx without a receipt that verifies against the platform key pinned at registration: whoever answered, it
     * was not proven to be the platform, so nothing is confirmed. Retryable: the entry stays queued and is resent
     * (the real platform is idempotent on the key), and the technician is alarmed (a fake server on the platform's
     * address, a proxy stripping headers, or a platform whose key changed).
     */
    UNVERIFIED_RECEIPT(true),
    /** 400/404/422 and other 4xx: the request itself is wrong; the same request will fail again. */
    INVALID_REQUEST(false),
    /** 401/403: the platform does not accept this terminal's signature. */
    UNAUTHORIZED(false),
    /** 409: conflicts with what the platform holds (same key with another body, already rated). */
    CONFLICT(false);

    private final boolean retryable;

    PlatformFailure(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
