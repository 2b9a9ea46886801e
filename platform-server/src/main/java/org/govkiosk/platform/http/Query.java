package org.govkiosk.platform.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.govkiosk.api.ErrorCodes;

/** Query parameters of the clerk's list and report routes, bounded before they are read. */
public final class Query {

    private Query() {
    }

    /** The required date {@code name} (yyyy-MM-dd); else 400 naming the parameter. */
    public static LocalDate date(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.length() > 10) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, name + " must be a date, yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, name + " must be a date, yyyy-MM-dd");
        }
    }

    /** How many rows a page may have: {@code limit}, 1 to 500, 100 when absent; else 400. */
    public static int limit(Context ctx) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return 100;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= 1 && value <= 500) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "limit must be a number from 1 to 500");
    }
}
