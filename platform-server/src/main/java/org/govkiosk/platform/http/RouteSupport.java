package org.govkiosk.platform.http;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What every route class needs.
 *
 * @param maxBodyBytes        limit of a JSON request body
 * @param maxCertificateBytes limit of an uploaded certificate PDF
 * @param zone                the hall's time zone: "today" for promised dates and overdue flags
 * @param halls               which cases a terminal may act on (its own hall's)
 */
public record RouteSupport(Bodies bodies, Auth auth, Clock clock, ZoneId zone, long maxBodyBytes,
        long maxCertificateBytes, Halls halls) {

    /** A terminal's signed request: its signing terminal and its body, read within {@code limit}. */
    public record Signed(String terminal, byte[] body) {
    }

    /**
     * Reads a terminal's request: first what can be checked without the body (signature headers, timestamp, a
     * registered terminal), then the body within {@code limit}, then the signature over it.
     */
    public Signed signed(io.javalin.http.Context ctx, long limit) {
        auth.beforeBody(ctx);
        byte[] body = bodies.read(ctx, limit);
        return new Signed(auth.terminal(ctx, body), body);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
