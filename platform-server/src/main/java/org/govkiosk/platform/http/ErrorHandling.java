package org.govkiosk.platform.http;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import org.govkiosk.api.ApiError;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.platform.store.NotFoundException;
import org.govkiosk.platform.store.StorageException;
import org.govkiosk.platform.store.StoreConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into a JSON {@link ApiError} that says whether a retry can help. */
public final class ErrorHandling {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {
    }

    public static void install(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> {
            int status = e.status();
            if ((status == 401 || status == 408 || status == 413) && mayHaveBody(ctx)) {
                // The body was not read (or not all of it): end the connection rather than drain what is left.
                // Without a body the connection stays: closing it would make a client open a new one per refusal.
                ctx.header("Connection", "close");
                // Sent at once, before the handler returns: a fast client must not keep sending megabytes while
                // the refusal waits for the request to complete.
                Responses.errorNow(ctx, status, e.error());
                return;
            }
            Responses.error(ctx, e.status(), e.error());
        });
        app.exception(NotFoundException.class, (e, ctx) ->
                Responses.error(ctx, 404, new ApiError(e.code(), e.getMessage(), false)));
        app.exception(StoreConflict.class, (e, ctx) ->
                Responses.error(ctx, 409, new ApiError(e.code(), e.getMessage(), false)));
        app.exception(StorageException.class, (e, ctx) -> {
            LOG.warn("Storage unavailable for {} {}: {}", ctx.method(), ctx.endpointHandlerPath(), e.getMessage());
            Responses.error(ctx, 503, new ApiError(ErrorCodes.STORAGE_UNAVAILABLE,
                    "the platform's storage is unavailable; retry later", true));
        });
        app.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String code = switch (status) {
                case 404 -> ErrorCodes.NOT_FOUND;
                case 405 -> ErrorCodes.METHOD_NOT_ALLOWED;
                case 413 -> ErrorCodes.BODY_TOO_LARGE;
                default -> "http-" + status;
            };
            Responses.error(ctx, status, new ApiError(code, e.getMessage(), status >= 500));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure in {} {}", ctx.method(), ctx.endpointHandlerPath(), e);
            // Retryable: a terminal must not drop a citizen's case because of a platform bug.
            Responses.error(ctx, 500, new ApiError(ErrorCodes.INTERNAL_ERROR, "internal error; retry later", true));
        });
    }

    /** Whether the request came with a body (sized or chunked), which a refusal may have left unread. */
    public static boolean mayHaveBody(io.javalin.http.Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }
}
