package org.govkiosk.platform.http;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.govkiosk.api.ReceiptSigner;
import org.govkiosk.api.SignatureHeaders;
import org.govkiosk.api.SignedHeaders;

/**
 * What every route class needs.
 *
 * @param maxBodyBytes        limit of a JSON request body
 * @param maxCertificateBytes limit of an uploaded certificate PDF
 * @param zone                the hall's time zone: "today" for promised dates and overdue flags
 * @param halls               which cases a terminal may act on (its own hall's)
 * @param receipts            signs the receipts of cases, supplements, ratings and issuances with the platform's key
 */
public record RouteSupport(Bodies bodies, Auth auth, Clock clock, ZoneId zone, long maxBodyBytes,
        long maxCertificateBytes, Halls halls, ReceiptSigner receipts) {

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

    /**
     * Answers a terminal's signed request with a receipt signed by the platform's key and bound to that request
     * (its terminal, path, nonce and body): the terminal drops what it queued only on such a receipt.
     */
    public void receipt(io.javalin.http.Context ctx, int status, Signed request, Object receipt) {
        byte[] body = Responses.bytes(receipt);
        String query = ctx.queryString();
        String pathAndQuery = ctx.req().getRequestURI() + (query == null ? "" : "?" + query);
        // The request verified, so the algorithm it names is its key's.
        SignedHeaders signedBy = new SignedHeaders(request.terminal(), ctx.header(SignatureHeaders.TIMESTAMP),
                ctx.header(SignatureHeaders.NONCE), ctx.header(SignatureHeaders.SIGNATURE),
                org.govkiosk.api.SignatureAlgorithm.fromHeader(ctx.header(SignatureHeaders.ALGORITHM)).orElseThrow());
        receipts.sign(status, ctx.method().name(), pathAndQuery, signedBy, request.body(), body)
                .forEach(ctx::header);
        Responses.raw(ctx, status, body);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
