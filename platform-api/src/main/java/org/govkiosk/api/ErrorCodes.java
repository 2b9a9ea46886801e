package org.govkiosk.api;

/** The {@link ApiError#code()} values the platform answers with. Clients branch on these, never on messages. */
public final class ErrorCodes {

    // Bad input: the same request will fail again.
    public static final String MALFORMED_JSON = "malformed-json";
    public static final String UNKNOWN_FIELD = "unknown-field";
    public static final String INVALID_FIELD = "invalid-field";
    public static final String BODY_TOO_LARGE = "body-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";

    // Authentication.
    public static final String UNSIGNED = "unsigned";
    public static final String UNKNOWN_TERMINAL = "unknown-terminal";
    public static final String BAD_SIGNATURE = "bad-signature";
    public static final String STALE_TIMESTAMP = "stale-timestamp";
    public static final String REPLAYED_NONCE = "replayed-nonce";
    public static final String TERMINAL_MISMATCH = "terminal-mismatch";
    public static final String ENROLMENT_REFUSED = "enrolment-refused";
    public static final String CLERK_AUTH_REQUIRED = "clerk-auth-required";
    /** A staff sign-in with a wrong login or password, or a disabled account (which is not told apart). */
    public static final String SIGN_IN_FAILED = "sign-in-failed";
    /** A staff member whose role does not allow the operation (403). */
    public static final String ROLE_NOT_ALLOWED = "role-not-allowed";
    /** A cookie-authenticated change without the session's CSRF token (403). */
    public static final String CSRF_TOKEN_INVALID = "csrf-token-invalid";

    // Conflicts with what the platform already holds.
    public static final String TERMINAL_KEY_CONFLICT = "terminal-key-conflict";
    public static final String IDEMPOTENCY_CONFLICT = "idempotency-conflict";
    /** A staff account with this login exists already. */
    public static final String ACCOUNT_EXISTS = "account-exists";
    public static final String ALREADY_RATED = "already-rated";
    public static final String ILLEGAL_TRANSITION = "illegal-transition";
    /** An appeal is reviewed by another person than the one who filed it (申诉复核). */
    public static final String REVIEWER_IS_FILER = "reviewer-is-filer";
    public static final String CERTIFICATE_NOT_AVAILABLE = "certificate-not-available";
    /** A supplement for a case that waits for no materials (any more), or for a material it does not miss. */
    public static final String NOT_AWAITING_SUPPLEMENT = "not-awaiting-supplement";
    /** A supplement from someone other than the case's applicant. */
    public static final String NOT_THE_APPLICANT = "not-the-applicant";
    /** A clerk's 补正 names a material code that is not one of the case's materials. */
    public static final String UNKNOWN_MATERIAL = "unknown-material";
    /** A body (rating, issuance) naming another hall than the one the signing terminal is registered in. */
    public static final String OTHER_HALL = "other-hall";

    // Limits on a client: retrying later can help.
    /** A request body that did not arrive whole in time or came too slowly (408). */
    public static final String BODY_TOO_SLOW = "body-too-slow";
    /** Too many wrong credentials from one client: locked out until the Retry-After has passed (429). */
    public static final String TOO_MANY_ATTEMPTS = "too-many-attempts";

    // The platform's own trouble: retrying later can help.
    public static final String STORAGE_UNAVAILABLE = "storage-unavailable";
    /** 503 of the health check while an instance stops (its drain): the balancer sends to the others. */
    public static final String SHUTTING_DOWN = "shutting-down";
    public static final String INTERNAL_ERROR = "internal-error";

    private ErrorCodes() {
    }
}
