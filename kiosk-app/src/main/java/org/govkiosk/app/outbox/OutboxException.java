package org.govkiosk.app.outbox;

/**
 * The outbox cannot do what was asked. {@link #corrupt()} says the database file itself is damaged: restarting
 * the terminal moves it aside and salvages what can be read (see {@link OutboxRecovery}).
 */
public final class OutboxException extends RuntimeException {

    private final boolean corrupt;

    public OutboxException(String message, boolean corrupt, Throwable cause) {
        super(message, cause);
        this.corrupt = corrupt;
    }

    public boolean corrupt() {
        return corrupt;
    }
}
