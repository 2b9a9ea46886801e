package org.govkiosk.platform.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.RequestVerifier;
import org.govkiosk.api.SignatureRejectedException;

/** Who may call: terminals by request signature, clerks by bearer token, technicians by enrolment token. */
public final class Auth {

    private final RequestVerifier verifier;
    private final Optional<String> clerkToken;
    private final Optional<String> enrolmentToken;
    private final LoginThrottle throttle;

    public Auth(RequestVerifier verifier, Optional<String> clerkToken, Optional<String> enrolmentToken,
            LoginThrottle throttle) {
        this.verifier = verifier;
        this.clerkToken = clerkToken.filter(t -> !t.isBlank());
        this.enrolmentToken = enrolmentToken.filter(t -> !t.isBlank());
        this.throttle = throttle;
    }

    /** Wrong tokens per client, shared by the clerk routes, the fleet page and registration. */
    public LoginThrottle throttle() {
        return throttle;
    }

    /**
     * The checks of a terminal's request that need no body (headers, timestamp, registered terminal), made before
     * the body is read so that nobody else makes the platform read or make room for one.
     */
    public void beforeBody(Context ctx) {
        try {
            verifier.beforeBody(ctx::header);
        } catch (SignatureRejectedException e) {
            throw new ApiException(401, e.reason().errorCode(), e.getMessage(), retryable(e.reason()));
        }
    }

    /** Verifies the request signature over the body already read; returns the signing terminal. */
    public String terminal(Context ctx, byte[] body) {
        String query = ctx.queryString();
        String pathAndQuery = ctx.req().getRequestURI() + (query == null ? "" : "?" + query);
        try {
            return verifier.verify(ctx.method().name(), pathAndQuery, ctx::header, body);
        } catch (SignatureRejectedException e) {
            throw new ApiException(401, e.reason().errorCode(), e.getMessage(), retryable(e.reason()));
        }
    }

    /**
     * Whether the same request, signed afresh, can succeed later. A terminal not registered yet, or one whose clock
     * is off, is fixed by a technician (registration, time sync) without touching the queued request, so its
     * outbox must keep the citizen's case rather than dead-letter it. A bad signature or a replay will never
     * become valid.
     */
    static boolean retryable(SignatureRejectedException.Reason reason) {
        return switch (reason) {
            case UNKNOWN_TERMINAL, STALE_TIMESTAMP -> true;
            case UNSIGNED, BAD_SIGNATURE, REPLAYED_NONCE -> false;
        };
    }

    /** A terminal may only speak for itself. */
    public static void requireSame(String signingTerminal, String terminalInBody) {
        if (!signingTerminal.equals(terminalInBody)) {
            throw ApiException.client(403, ErrorCodes.TERMINAL_MISMATCH,
                    "terminalId in the body is not the signing terminal");
        }
    }

    /** A clerk's call: the Bearer token, unless this client is locked out for wrong ones (429). */
    public void clerk(Context ctx) {
        throttle.check(ctx);
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
        if (clerkToken.isEmpty() || given == null || !same(given, clerkToken.get())) {
            if (clerkToken.isPresent() && given != null) {
                throttle.failed(ctx.ip());
            }
            throw ApiException.client(401, ErrorCodes.CLERK_AUTH_REQUIRED, clerkToken.isEmpty()
                    ? "clerk endpoints are disabled: no clerk token is configured"
                    : "a valid clerk token is required (Authorization: Bearer ...)");
        }
        throttle.succeeded(ctx.ip());
    }

    /** A terminal's registration: the enrolment token, unless this client is locked out for wrong ones (429). */
    public void enrolment(Context ctx, String given) {
        if (enrolmentToken.isEmpty()) {
            throw ApiException.client(403, ErrorCodes.ENROLMENT_REFUSED,
                    "registration is closed: no enrolment token is configured on this platform");
        }
        throttle.check(ctx);
        if (!same(given, enrolmentToken.get())) {
            throttle.failed(ctx.ip());
            throw ApiException.client(403, ErrorCodes.ENROLMENT_REFUSED, "enrolment token is not valid");
        }
        throttle.succeeded(ctx.ip());
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
