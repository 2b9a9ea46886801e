package org.govkiosk.platform.sms;

/** A message could not be handed to the gateway; {@code retryable}: a later try may succeed. */
public final class SmsException extends RuntimeException {

    private final boolean retryable;

    public SmsException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
