package org.govkiosk.app.scan;

/** A page could not be scanned; {@link #messageKey()} says why to the citizen. */
public final class ScanFailedException extends RuntimeException {

    private final String messageKey;

    public ScanFailedException(String messageKey, String message, Throwable cause) {
        super(message, cause);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
