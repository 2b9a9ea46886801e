package org.govkiosk.app.voice;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's speaker through javax.sound.sampled. A terminal without a sound device (or whose device another
 * program holds) says so in the log once and goes on silently: a prompt never blocks or fails a journey. It tries
 * again at each prompt, so a speaker plugged in later is used.
 */
public final class SoundCardOutput implements AudioOutput {

    private static final Logger LOG = LoggerFactory.getLogger(SoundCardOutput.class);
    /** Audio is written in pieces of this length: an interrupt stops the speech within about this much. */
    private static final int CHUNK_MILLIS = 50;

    private final AtomicBoolean reportedMissing = new AtomicBoolean();

    @Override
    public void play(Wav wav) throws InterruptedException {
        AudioFormat format = new AudioFormat(wav.sampleRate(), Wav.BITS, wav.channels(), true, false);
        SourceDataLine line;
        try {
            line = AudioSystem.getSourceDataLine(format);
            line.open(format, bytes(format, 4 * CHUNK_MILLIS));
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException | LinkageError e) {
            if (reportedMissing.compareAndSet(false, true)) {
                LOG.warn("No sound device for spoken prompts ({}): the terminal serves on without them", e.toString());
            }
            return;
        }
        if (reportedMissing.compareAndSet(true, false)) {
            LOG.info("A sound device is available again: spoken prompts are heard");
        }
        try {
            line.start();
            byte[] pcm = wav.pcm();
            int chunk = bytes(format, CHUNK_MILLIS);
            for (int at = 0; at < pcm.length; at += chunk) {
                if (Thread.interrupted()) {
                    line.flush();
                    throw new InterruptedException("a newer prompt");
                }
                line.write(pcm, at, Math.min(chunk, pcm.length - at));
            }
            line.drain();
        } finally {
            line.close();
        }
    }

    private static int bytes(AudioFormat format, int millis) {
        int frames = Math.max(1, (int) (format.getFrameRate() * millis / 1000));
        return frames * format.getFrameSize();
    }
}
