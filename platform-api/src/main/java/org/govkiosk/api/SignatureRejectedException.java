package org.govkiosk.api;

/**
 * A request whose signature headers the platform refuses; every reason answers 401. Unknown terminal and stale
 * timestamp are retryable (registration or a time sync fixes them); the others are not.
 */
public final class SignatureRejectedException extends Exception {

    public enum Reason {
        UNSIGNED(ErrorCodes.UNSIGNED),
        UNKNOWN_TERMINAL(ErrorCodes.UNKNOWN_TERMINAL),
        BAD_SIGNATURE(ErrorCodes.BAD_SIGNATURE),
        STALE_TIMESTAMP(ErrorCodes.STALE_TIMESTAMP),
        REPLAYED_NONCE(ErrorCodes.REPLAYED_NONCE);

        private final String errorCode;

        Reason(String errorCode) {
            this.errorCode = errorCode;
        }

        public String errorCode() {
            return errorCode;
        }
    }

    private final Reason reason;

    public SignatureRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
