package org.govkiosk.api;

import java.util.Objects;

/**
 * The body of every error response.
 *
 * @param code      one of {@link ErrorCodes}; stable, for programs
 * @param message   for people (technicians, logs); never contains personal data
 * @param retryable whether sending the same request again later can succeed; {@code false} means the request
 *                  itself must change (an outbox should set it aside and tell the technician, not retry forever)
 */
public record ApiError(String code, String message, boolean retryable) {

    public ApiError {
        Objects.requireNonNull(code, "code");
        message = message == null ? "" : message;
    }
}
