package org.govkiosk.app.context;

import java.util.concurrent.ExecutorService;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.voice.EspeakEngine;
import org.govkiosk.app.voice.SoundCardOutput;
import org.govkiosk.app.voice.Speaker;
import org.govkiosk.app.voice.SpeechSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spoken prompts: espeak-ng and the sound card behind a {@link SpeechSink}, on one speaking thread of its own. Made
 * whether or not speech starts on (each citizen may turn it on); an engine or sound card that is missing costs a line
 * in the log, never a start.
 */
final class VoiceAssembly implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VoiceAssembly.class);

    private final ExecutorRegistry threads;
    private final ExecutorService speakingThread;
    private final Speaker speaker;

    VoiceAssembly(TerminalConfig.Voice voice, ExecutorRegistry threads) {
        this.threads = threads;
        this.speakingThread = threads.singleThread("voice");
        EspeakEngine engine = new EspeakEngine(voice.engine(), voice.voices(), voice.wordsPerMinute(),
                voice.speeds(), voice.timeout());
        // Said at start, not at the first citizen who turns speech on: the technician reads it after installing.
        if (engine.locate().isEmpty()) {
            LOG.warn("Voice guidance: {} is not installed (Debian package espeak-ng); prompts will not be spoken",
                    voice.engine());
        }
        this.speaker = new Speaker(engine, new SoundCardOutput(), speakingThread);
    }

    SpeechSink speech() {
        return speaker;
    }

    @Override
    public void close() {
        speaker.silence();
        threads.closeNow(speakingThread); // a prompt half spoken is not worth waiting for
    }
}
