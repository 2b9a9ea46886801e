package org.govkiosk.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.govkiosk.api.ApiError;
import org.govkiosk.api.ApiJson;

/** Writes JSON answers. */
public final class Responses {

    private static final ObjectMapper MAPPER = ApiJson.strict();
    private static final String JSON = "application/json; charset=utf-8";

    private Responses() {
    }

    public static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType(JSON).result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
        }
    }

    /** The error written and flushed now, not when the request completes. */
    public static void errorNow(Context ctx, int status, ApiError error) {
        try {
            byte[] body = MAPPER.writeValueAsBytes(error);
            ctx.res().setStatus(status);
            ctx.res().setContentType(JSON);
            ctx.res().setContentLength(body.length);
            ctx.res().getOutputStream().write(body);
            ctx.res().flushBuffer();
        } catch (java.io.IOException e) {
            // The client went away: nothing to tell it.
        }
    }

    public static void error(Context ctx, int status, ApiError error) {
        json(ctx, status, error);
    }
}
