package org.govkiosk.app.security;

/** The terminal key store cannot be loaded or created; the terminal cannot keep personal data safely without it. */
public final class KeyStoreUnavailableException extends RuntimeException {

    public KeyStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
