package org.govkiosk.platform.store;

/** The thing asked for does not exist; {@code code} is one of {@link org.govkiosk.api.ErrorCodes}. */
public final class NotFoundException extends RuntimeException {

    private final String code;

    public NotFoundException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
