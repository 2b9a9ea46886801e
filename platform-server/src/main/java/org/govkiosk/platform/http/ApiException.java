package org.govkiosk.platform.http;

import org.govkiosk.api.ApiError;

/** Ends a request with an error status and an {@link ApiError} body. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final ApiError error;

    public ApiException(int status, String code, String message, boolean retryable) {
        super(message);
        this.status = status;
        this.error = new ApiError(code, message, retryable);
    }

    /** A client error: the same request will fail again. */
    public static ApiException client(int status, String code, String message) {
        return new ApiException(status, code, message, false);
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }
}
