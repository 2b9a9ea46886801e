package org.govkiosk.platform.store;

/** The database failed or cannot be reached; the platform answers 503 and a retry later can succeed. */
public final class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
