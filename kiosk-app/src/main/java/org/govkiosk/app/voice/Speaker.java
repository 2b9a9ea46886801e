package org.govkiosk.app.voice;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks prompts on one thread of its own (made and closed by the terminal's assembly): synthesis by the engine,
 * then the sound card. A new prompt interrupts the one being made or spoken, so the citizen always hears the screen
 * they are on. Failures are logged (each kind once) and never reach the caller.
 */
public final class Speaker implements SpeechSink {

    private static final Logger LOG = LoggerFactory.getLogger(Speaker.class);

    private final SpeechEngine engine;
    private final AudioOutput output;
    private final ExecutorService thread;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private Future<?> current;

    /** @param thread one thread, this speaker's alone */
    public Speaker(SpeechEngine engine, AudioOutput output, ExecutorService thread) {
        this.engine = engine;
        this.output = output;
        this.thread = thread;
    }

    @Override
    public synchronized void speak(Utterance utterance) {
        silence();
        if (utterance.text().isEmpty()) {
            return;
        }
        try {
            current = thread.submit(() -> say(utterance));
        } catch (RejectedExecutionException e) {
            // The terminal is closing: nothing more is said.
        }
    }

    @Override
    public synchronized void silence() {
        if (current != null) {
            current.cancel(true);
            current = null;
        }
    }

    private void say(Utterance utterance) {
        Locale locale = utterance.locale();
        if (!engine.speaks(locale)) {
            once("no-voice-" + locale.toLanguageTag(), "No voice for {}: prompts in it are not spoken",
                    locale.toLanguageTag());
            return;
        }
        try {
            Wav wav = engine.synthesize(utterance.text(), locale);
            output.play(wav.scaled(utterance.volume()));
        } catch (InterruptedException e) {
            // A newer prompt, or the terminal closing: this one stops here.
        } catch (SpeechException e) {
            once(e.getMessage(), "Spoken prompt not made: {}", e.getMessage());
        } catch (RuntimeException e) {
            once(e.toString(), "Spoken prompt failed: {}", e.toString());
        }
    }

    private void once(String kind, String format, Object argument) {
        if (reported.add(kind)) {
            LOG.warn(format, argument);
        }
    }
}
