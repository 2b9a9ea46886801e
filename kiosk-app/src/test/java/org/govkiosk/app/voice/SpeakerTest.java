package org.govkiosk.app.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.govkiosk.app.context.ExecutorRegistry;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The speaking thread: one prompt at a time, a new one cutting off the old, failures kept from the caller. */
class SpeakerTest {

    private final ExecutorRegistry threads = new ExecutorRegistry();
    private final ExecutorService thread = threads.singleThread("voice");
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        threads.close();
    }

    /** Makes a tone per text; unknown languages have no voice. */
    private final SpeechEngine engine = new SpeechEngine() {
        @Override
        public boolean speaks(Locale locale) {
            return !locale.getLanguage().equals("mn");
        }

        @Override
        public Wav synthesize(String text, Locale locale) throws SpeechException {
            if (text.contains("broken")) {
                throw new SpeechException("engine failed");
            }
            events.add("made " + text);
            return Wav.parse(WavTest.wav(WavTest.sine(2205, 0.5), 22050, 4410));
        }
    };

    /** Plays until interrupted when the text asks it to ("long"), else at once; records what it heard. */
    private final class Output implements AudioOutput {
        final CountDownLatch longStarted = new CountDownLatch(1);
        volatile String current = "";

        @Override
        public void play(Wav wav) throws InterruptedException {
            events.add("played rms " + Math.round(wav.rms() * 1000));
            if (current.equals("long")) {
                longStarted.countDown();
                try {
                    new CountDownLatch(1).await(1, TimeUnit.HOURS);
                } catch (InterruptedException e) {
                    events.add("cut off");
                    throw e;
                }
            }
        }
    }

    @Test
    void aNewPromptCutsOffTheOneBeingSpoken() throws Exception {
        Output output = new Output();
        Speaker speaker = new Speaker(engine, output, thread);
        output.current = "long";
        speaker.speak(new Utterance("long", I18n.ZH_CN, 100));
        assertThat(output.longStarted.await(20, TimeUnit.SECONDS)).isTrue();
        output.current = "";
        speaker.speak(new Utterance("next", I18n.ZH_CN, 100));
        Await.until("the next prompt is made", () -> events.contains("made next"));
        Await.until("and played", () -> events.stream().filter(e -> e.startsWith("played")).count() == 2);
        assertThat(events).containsSubsequence("made long", "played rms 354", "cut off", "made next");
    }

    @Test
    void volumeReachesTheOutput() {
        Output output = new Output();
        Speaker speaker = new Speaker(engine, output, thread);
        speaker.speak(new Utterance("quiet", I18n.ZH_CN, 40));
        Await.until("played", () -> events.stream().anyMatch(e -> e.startsWith("played")));
        assertThat(events).contains("played rms " + Math.round(0.5 / Math.sqrt(2) * 0.16 * 1000));
    }

    @Test
    void aLanguageWithoutAVoiceAndABrokenEngineAreSilentAndTheSpeakerGoesOn() {
        Output output = new Output();
        Speaker speaker = new Speaker(engine, output, thread);
        speaker.speak(new Utterance("ᠪᠢᠴᠢᠭ", Locale.forLanguageTag("mn-Mong-CN"), 100));
        speaker.speak(new Utterance("broken", I18n.ZH_CN, 100));
        speaker.speak(new Utterance("after", I18n.ZH_CN, 100));
        Await.until("the prompt after the failures is spoken", () -> events.contains("made after"));
        assertThat(events).noneMatch(e -> e.contains("ᠪᠢᠴᠢᠭ") || e.contains("broken"));
    }

    @Test
    void withoutASoundDeviceSpeechIsDroppedQuietly() throws Exception {
        // This machine (and CI) has no sound card: the real output returns at once, and the terminal goes on.
        assertThat(javax.sound.sampled.AudioSystem.getMixerInfo()).as("a machine with a sound card: this test"
                + " checks the one without").isEmpty();
        var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(SoundCardOutput.class);
        var log = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        log.start();
        logger.addAppender(log);
        try {
            SoundCardOutput card = new SoundCardOutput();
            Wav wav = Wav.parse(WavTest.wav(WavTest.sine(2205, 0.5), 22050, 4410));
            for (int i = 0; i < 3; i++) {
                card.play(wav);
            }
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).as("said once, not at every prompt").hasSize(1);
        assertThat(log.list.get(0).getFormattedMessage()).startsWith("No sound device for spoken prompts");
    }
}
