package org.govkiosk.app.voice;

import java.util.Locale;

/** Turns text into audio, offline. */
public interface SpeechEngine {

    /** Whether this engine has a voice for {@code locale} (a language it cannot speak stays silent). */
    boolean speaks(Locale locale);

    /**
     * The audio of {@code text} in {@code locale}'s voice, at full level.
     *
     * @throws SpeechException      when no audio could be made (no voice, engine missing, failed, too slow or too long)
     * @throws InterruptedException when a newer prompt interrupted this one
     */
    Wav synthesize(String text, Locale locale) throws SpeechException, InterruptedException;
}
