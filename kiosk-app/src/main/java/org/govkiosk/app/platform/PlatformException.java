package org.govkiosk.app.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failed platform call. {@link #retryable()} decides what the outbox does: back off and resend, or move the
 * entry to the dead letters. Messages never contain personal data (the platform's error messages do not either).
 *
 * @see PlatformFailure
 */
public final class PlatformException extends Exception {

    private final PlatformFailure failure;
    private final boolean retryable;
    private final int httpStatus;
    private final String errorCode;
    private final Duration retryAfter;

    public PlatformException(PlatformFailure failure, String message, Throwable cause) {
        this(failure, failure.retryable(), 0, null, null, message, cause);
    }

    PlatformException(PlatformFailure failure, boolean retryable, int httpStatus, String errorCode,
            Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.retryable = retryable;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    public PlatformFailure failure() {
        return failure;
    }

    /** Whether sending the same request again later can succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** The HTTP status, when the platform answered at all. */
    public Optional<Integer> httpStatus() {
        return httpStatus == 0 ? Optional.empty() : Optional.of(httpStatus);
    }

    /** The platform's {@code ApiError.code}, when it sent one. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** The platform's Retry-After, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** One line for logs and the maintenance screen. */
    public String summary() {
        return failure + (httpStatus == 0 ? "" : " " + httpStatus) + (errorCode == null ? "" : " " + errorCode)
                + ": " + getMessage();
    }
}
