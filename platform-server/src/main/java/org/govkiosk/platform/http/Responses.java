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
        raw(ctx, status, bytes(body));
    }

    /** The JSON bytes of an answer, as {@link #json} sends them (what a receipt signs). */
    static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
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

    /** Sends JSON bytes made by {@link #bytes}. */
    static void raw(Context ctx, int status, byte[] json) {
        ctx.status(status).contentType(JSON).result(json);
    }

    public static void error(Context ctx, int status, ApiError error) {
        json(ctx, status, error);
    }
}
