package org.govkiosk.platform.store;

/**
 * What was asked contradicts what the platform holds (an idempotency key with another body, an illegal state
 * move, ...). {@code code} is one of {@link org.govkiosk.api.ErrorCodes}; the platform answers 409.
 */
public final class StoreConflict extends RuntimeException {

    private final String code;

    public StoreConflict(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
