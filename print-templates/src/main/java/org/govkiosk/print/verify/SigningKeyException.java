package org.govkiosk.print.verify;

/** A signing or verification key that cannot be read or used; names the file and what to do. */
public class SigningKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SigningKeyException(String message) {
        super(message);
    }

    public SigningKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
