package org.govkiosk.platform.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.RequestVerifier;
import org.govkiosk.api.SignatureRejectedException;
import org.govkiosk.platform.staff.Role;
import org.govkiosk.platform.staff.StaffMember;

/**
 * Who may call: terminals by request signature, staff by their sessions ({@link StaffAuth}), machines by the machine
 * token, technicians registering a terminal by the enrolment token.
 */
public final class Auth {

    private final RequestVerifier verifier;
    private final Optional<String> enrolmentToken;
    private final LoginThrottle throttle;
    private final StaffAuth staff;

    public Auth(RequestVerifier verifier, Optional<String> enrolmentToken, LoginThrottle throttle, StaffAuth staff) {
        this.verifier = verifier;
        this.enrolmentToken = enrolmentToken.filter(t -> !t.isBlank());
        this.throttle = throttle;
        this.staff = staff;
    }

    /** Staff sessions, roles and halls. */
    public StaffAuth staff() {
        return staff;
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

    /**
     * A clerk endpoint's call: a staff member signed in as clerk, supervisor or hall administrator, or the machine
     * token (401 without, 403 for another role, 429 while locked out for wrong tokens).
     */
    public StaffMember clerk(Context ctx) {
        return staff.requireRole(ctx, Role.CLERK, Role.SUPERVISOR, Role.HALL_ADMIN);
    }

    /** A staff call with one of {@code roles} (the machine token has them all). */
    public StaffMember clerk(Context ctx, Role... roles) {
        return staff.requireRole(ctx, roles);
    }

    /** A machine's call (metrics scraping, scripted integrations): the machine token only. */
    public void machine(Context ctx) {
        StaffMember who = staff.requireRole(ctx, Role.values());
        if (!who.machine()) {
            throw ApiException.client(403, ErrorCodes.ROLE_NOT_ALLOWED, "this endpoint is for machines: it takes"
                    + " the machine token, not a staff session");
        }
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
