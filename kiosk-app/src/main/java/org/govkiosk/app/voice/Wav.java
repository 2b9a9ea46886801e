package org.govkiosk.app.voice;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Speech as 16-bit little-endian PCM (what espeak-ng writes), with the measures the tests and the logs use: length
 * and loudness.
 *
 * @param sampleRate samples per second per channel
 * @param channels   1 (mono) or 2
 * @param pcm        the samples, 16-bit signed little-endian, interleaved
 */
public record Wav(int sampleRate, int channels, byte[] pcm) {

    public static final int BITS = 16;

    public Wav {
        if (sampleRate < 1000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("sample rate out of range: " + sampleRate);
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 or 2, got " + channels);
        }
        if (pcm.length % (2 * channels) != 0) {
            throw new IllegalArgumentException("PCM length " + pcm.length + " is not whole frames");
        }
    }

    /**
     * Reads a RIFF/WAVE file of 16-bit PCM. A data chunk whose size runs past the end (espeak-ng writing to a pipe
     * puts 0x7fffffff there) is read to the end.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static Wav parse(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 12 || !tag(file, 0).equals("RIFF") || !tag(file, 8).equals("WAVE")) {
            throw new IllegalArgumentException("not a RIFF/WAVE file (" + file.length + " bytes)");
        }
        int pos = 12;
        int rate = -1;
        int channels = -1;
        while (pos + 8 <= file.length) {
            String id = tag(file, pos);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + 16 > file.length) {
                    throw new IllegalArgumentException("fmt chunk too short: " + size);
                }
                int format = Short.toUnsignedInt(b.getShort(body));
                channels = Short.toUnsignedInt(b.getShort(body + 2));
                rate = b.getInt(body + 4);
                int bits = Short.toUnsignedInt(b.getShort(body + 14));
                if (format != 1 || bits != BITS) {
                    throw new IllegalArgumentException("expected 16-bit PCM, got format " + format + ", " + bits
                            + " bits");
                }
            } else if (id.equals("data")) {
                if (rate < 0) {
                    throw new IllegalArgumentException("data chunk before fmt chunk");
                }
                int length = (int) Math.min(size, file.length - body);
                length -= length % (2 * channels);
                byte[] pcm = new byte[length];
                System.arraycopy(file, body, pcm, 0, length);
                return new Wav(rate, channels, pcm);
            }
            pos = (int) Math.min((long) file.length, body + size + (size & 1));
        }
        throw new IllegalArgumentException("no data chunk");
    }

    private static String tag(byte[] file, int at) {
        return new String(file, at, 4, StandardCharsets.US_ASCII);
    }

    public int frames() {
        return pcm.length / (2 * channels);
    }

    public Duration duration() {
        return Duration.ofNanos(frames() * 1_000_000_000L / sampleRate);
    }

    /** Root mean square of the samples, as a fraction of full scale (0 for silence, about 0.7 for a full sine). */
    public double rms() {
        if (pcm.length == 0) {
            return 0;
        }
        ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        double sum = 0;
        int n = pcm.length / 2;
        for (int i = 0; i < n; i++) {
            double s = b.getShort(i * 2) / 32768.0;
            sum += s * s;
        }
        return Math.sqrt(sum / n);
    }

    /** The same speech at {@code percent} of its level (0 to 100): the citizen's volume, applied in software. */
    public Wav scaled(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0..100, got " + percent);
        }
        if (percent == 100) {
            return this;
        }
        ByteBuffer in = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        // Loudness is heard roughly logarithmically: a square law makes the steps 40/70/100 sound evenly apart.
        double gain = (percent / 100.0) * (percent / 100.0);
        for (int i = 0; i < pcm.length / 2; i++) {
            out.putShort((short) Math.round(in.getShort(i * 2) * gain));
        }
        return new Wav(sampleRate, channels, out.array());
    }
}
