package org.govkiosk.app.voice;

import java.util.Locale;
import java.util.Objects;

/**
 * One thing to say: its text, the language it is in, and how loud (0 to 100 percent of the engine's level).
 *
 * @param text   the words, as the bundles have them; at most {@link #MAX_CHARS} characters
 * @param locale the UI language the text is in; the engine picks its voice by it
 * @param volume 0 to 100
 */
public record Utterance(String text, Locale locale, int volume) {

    /** A prompt is a sentence or two; anything longer is cut rather than spoken for a minute. */
    public static final int MAX_CHARS = 600;

    public Utterance {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(locale, "locale");
        if (volume < 0 || volume > 100) {
            throw new IllegalArgumentException("volume must be 0..100, got " + volume);
        }
        text = text.strip();
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
        }
    }
}
