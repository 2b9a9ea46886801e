package org.govkiosk.app.context;

import java.util.concurrent.ExecutorService;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.voice.EspeakEngine;
import org.govkiosk.app.voice.SoundCardOutput;
import org.govkiosk.app.voice.Speaker;
import org.govkiosk.app.voice.SpeechSink;

/**
 * Spoken prompts: espeak-ng and the sound card behind a {@link SpeechSink}, on one speaking thread of its own. Made
 * whether or not speech starts on (each citizen may turn it on); an engine or sound card that is missing costs a line
 * in the log, never a start.
 */
final class VoiceAssembly implements AutoCloseable {

    private final ExecutorRegistry threads;
    private final ExecutorService speakingThread;
    private final Speaker speaker;

    VoiceAssembly(TerminalConfig.Voice voice, ExecutorRegistry threads) {
        this.threads = threads;
        this.speakingThread = threads.singleThread("voice");
        this.speaker = new Speaker(new EspeakEngine(voice.engine(), voice.voices(), voice.wordsPerMinute(),
                voice.speeds(), voice.timeout()), new SoundCardOutput(), speakingThread);
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
