package org.govkiosk.app.voice;

/** Speech could not be made: no engine, no voice for the language, the engine failed, was too slow or too long. */
public final class SpeechException extends Exception {

    private static final long serialVersionUID = 1L;

    public SpeechException(String message) {
        super(message);
    }

    public SpeechException(String message, Throwable cause) {
        super(message, cause);
    }
}
