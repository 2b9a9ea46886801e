package org.govkiosk.app.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WavTest {

    /** A 16-bit mono WAV of {@code samples}, with {@code dataSize} written as the data chunk's size. */
    static byte[] wav(short[] samples, int rate, long dataSize) {
        ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples.length * 2)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataSize);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    static short[] sine(int n, double amplitude) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * 440 * i / 22050.0));
        }
        return s;
    }

    @Test
    void readsLengthAndLevel() {
        Wav w = Wav.parse(wav(sine(22050, 0.5), 22050, 44100));
        assertThat(w.duration().toMillis()).isEqualTo(1000);
        assertThat(w.rms()).isCloseTo(0.5 / Math.sqrt(2), org.assertj.core.data.Offset.offset(0.01));
        assertThat(Wav.parse(wav(new short[22050], 22050, 44100)).rms()).isZero();
    }

    @Test
    void aDataSizePastTheEndIsReadToTheEnd() {
        // espeak-ng writing to a pipe cannot seek back: it leaves 0x7fffffff as the size.
        Wav w = Wav.parse(wav(sine(1000, 0.5), 22050, 0x7fff_ffffL));
        assertThat(w.frames()).isEqualTo(1000);
    }

    @Test
    void volumeScalesTheLevel() {
        Wav w = Wav.parse(wav(sine(22050, 0.8), 22050, 44100));
        assertThat(w.scaled(100).rms()).isEqualTo(w.rms());
        assertThat(w.scaled(70).rms()).isLessThan(w.rms()).isGreaterThan(w.scaled(40).rms());
        assertThat(w.scaled(0).rms()).isZero();
        assertThatThrownBy(() -> w.scaled(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatIsNotA16BitPcmWaveIsRefusedSayingWhy() {
        assertThatThrownBy(() -> Wav.parse("hello".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("not a RIFF/WAVE");
        byte[] eightBit = wav(sine(10, 0.5), 22050, 20);
        eightBit[34] = 8;
        assertThatThrownBy(() -> Wav.parse(eightBit)).hasMessageContaining("16-bit PCM");
        byte[] noData = java.util.Arrays.copyOf(wav(new short[0], 22050, 0), 36);
        assertThatThrownBy(() -> Wav.parse(noData)).hasMessageContaining("no data chunk");
    }
}
