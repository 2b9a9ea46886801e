package org.govkiosk.device.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.govkiosk.testkit.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared frame buffer against a small text protocol with no length field, so that only the buffer's bound
 * stops a frame that never ends: marker {@code AA 55}, ASCII text, ETX, XOR of the text.
 */
class FrameBufferTest {

    sealed interface Out permits Text, Error {
        int bytes();
    }

    record Text(String text) implements Out {
        @Override
        public int bytes() {
            return text.length() + 4;
        }
    }

    record Error(String kind, int bytes, String detail) implements Out {
    }

    private static final int MAX_FRAME = 32;
    private static final byte ETX = 0x03;

    /** The text protocol; a class of its own so a test can see what the buffer asks of a format. */
    static class TextFraming implements FrameFormat<Out> {
        @Override
        public byte[] marker() {
            return new byte[] {(byte) 0xAA, 0x55};
        }

        @Override
        public int maxFrameBytes() {
            return MAX_FRAME;
        }

        @Override
        public Cut<Out> cut(BufferedBytes b) {
            for (int i = 2; i + 1 < b.size(); i++) {
                if (b.u8(i) == ETX) {
                    byte[] text = b.copy(2, i);
                    return b.u8(i + 1) == xor(text, 0, text.length)
                            ? Cut.take(i + 2, new Text(new String(text, StandardCharsets.US_ASCII)))
                            : Cut.take(i + 2, new Error("CHECKSUM", i + 2, "bad XOR"));
                }
            }
            return Cut.more();
        }

        @Override
        public Out error(FrameFault fault, int bytes, String detail) {
            return new Error(fault.name(), bytes, detail);
        }
    }

    @RegisterExtension
    static final TestSeed SEED = new TestSeed();

    private final FrameBuffer<Out> buffer = new FrameBuffer<>(new TextFraming());

    static int xor(byte[] data, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) {
            x ^= data[i] & 0xFF;
        }
        return x;
    }

    static byte[] frame(String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xAA);
        out.write(0x55);
        out.writeBytes(t);
        out.write(ETX);
        out.write(xor(t, 0, t.length));
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void aFrameSplitOverManyReadsComesOutOnceWhole() {
        byte[] f = frame("HELLO");
        List<Out> out = new ArrayList<>();
        for (byte b : f) {
            assertThat(out).isEmpty();
            out.addAll(buffer.feed(new byte[] {b}));
        }
        assertThat(out).containsExactly(new Text("HELLO"));
        assertThat(buffer.buffered()).isZero();
    }

    @Test
    void aMarkerSplitBetweenReadsIsKeptNotDroppedAsGarbage() {
        assertThat(buffer.feed(new byte[] {0x11, (byte) 0xAA})).containsExactly(
                new Error("GARBAGE", 1, "bytes outside a frame"));
        assertThat(buffer.buffered()).isEqualTo(1);
        byte[] f = frame("OK");
        assertThat(buffer.feed(f, 1, f.length - 1)).containsExactly(new Text("OK"));
    }

    @Test
    void severalFramesInOneReadComeOutInOrder() {
        assertThat(buffer.feed(concat(frame("A"), frame("BB"), frame("CCC"))))
                .containsExactly(new Text("A"), new Text("BB"), new Text("CCC"));
    }

    @Test
    void garbageBeforeAFrameIsOneErrorCountingItsBytes() {
        byte[] noise = "noise!".getBytes(StandardCharsets.US_ASCII);
        assertThat(buffer.feed(concat(noise, frame("ID"))))
                .containsExactly(new Error("GARBAGE", noise.length, "bytes outside a frame"), new Text("ID"));
    }

    @Test
    void aChecksumFailureCostsThatFrameOnly() {
        byte[] bad = frame("PAY");
        bad[bad.length - 1] ^= 0x01;
        assertThat(buffer.feed(concat(bad, frame("NEXT"))))
                .containsExactly(new Error("CHECKSUM", bad.length, "bad XOR"), new Text("NEXT"));
    }

    @Test
    void aFrameLongerThanTheLimitIsDroppedAndTheBufferStaysBounded() {
        byte[] endless = concat(new byte[] {(byte) 0xAA, 0x55}, "X".repeat(100).getBytes(StandardCharsets.US_ASCII));
        List<Out> out = new ArrayList<>();
        for (byte b : endless) {
            out.addAll(buffer.feed(new byte[] {b}));
            assertThat(buffer.buffered()).isLessThan(buffer.capacity());
        }
        out.addAll(buffer.feed(frame("AFTER")));
        assertThat(out.get(0)).isEqualTo(new Error("TOO_LONG", MAX_FRAME, "frame longer than 32 bytes"));
        assertThat(out).last().isEqualTo(new Text("AFTER"));
        assertThat(out).filteredOn(Error.class::isInstance).extracting(o -> ((Error) o).kind())
                .containsOnly("TOO_LONG", "GARBAGE");
        assertThat(out.stream().mapToInt(Out::bytes).sum()).as("every byte accounted for")
                .isEqualTo(endless.length + frame("AFTER").length);
    }

    @Test
    void anOversizeFrameGivesWayToAFrameThatBeganInsideIt() {
        byte[] cut = concat(new byte[] {(byte) 0xAA, 0x55}, "ABCDEFGHIJ".getBytes(StandardCharsets.US_ASCII));
        byte[] good = frame("Z".repeat(MAX_FRAME - 4));
        byte[] stream = concat(cut, good);
        assertThat(stream.length).isGreaterThan(MAX_FRAME);
        assertThat(buffer.feed(stream)).containsExactly(
                new Error("TOO_LONG", cut.length, "frame longer than 32 bytes"), new Text("Z".repeat(MAX_FRAME - 4)));
    }

    @Test
    void aResetDropsAPartFrameAndSaysHowMuch() {
        assertThat(buffer.reset()).isEmpty();
        byte[] f = frame("HALF");
        buffer.feed(f, 0, 4);
        assertThat(buffer.reset()).contains(new Error("TRUNCATED", 4, "reset with 4 bytes pending"));
        assertThat(buffer.buffered()).isZero();
        assertThat(buffer.feed(frame("WHOLE"))).containsExactly(new Text("WHOLE"));
    }

    @Test
    void randomChunksOfANoisyStreamLoseNoByteAndFindEveryFrame() {
        Random random = SEED.random();
        for (int round = 0; round < 200; round++) {
            FrameBuffer<Out> b = new FrameBuffer<>(new TextFraming());
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            List<Out> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                byte[] noise = new byte[random.nextInt(40)];
                random.nextBytes(noise);
                for (int j = 0; j < noise.length; j++) {
                    if (noise[j] == (byte) 0xAA) {
                        noise[j] = 0; // noise that holds no marker, so every frame must come through
                    }
                }
                stream.writeBytes(noise);
                String text = "T" + random.nextInt(1_000_000);
                stream.writeBytes(frame(text));
                sent.add(new Text(text));
            }
            byte[] all = stream.toByteArray();
            List<Out> out = new ArrayList<>();
            for (int off = 0; off < all.length; ) {
                int n = Math.min(all.length - off, 1 + random.nextInt(50));
                out.addAll(b.feed(all, off, n));
                assertThat(b.buffered()).isLessThan(b.capacity());
                off += n;
            }
            String where = SEED.replay() + ", round " + round;
            assertThat(out.stream().mapToInt(Out::bytes).sum()).as(where).isEqualTo(all.length);
            assertThat(out).as(where).filteredOn(Text.class::isInstance).isEqualTo(sent);
            assertThat(out).as(where).filteredOn(Error.class::isInstance)
                    .allSatisfy(e -> assertThat(((Error) e).kind()).isEqualTo("GARBAGE"));
        }
    }

    @Test
    void aFormatThatCutsMoreThanIsBufferedIsABugNamedAtOnce() {
        FrameBuffer<Out> broken = new FrameBuffer<>(new TextFraming() {
            @Override
            public Cut<Out> cut(BufferedBytes b) {
                return Cut.take(b.size() + 1, new Text("?"));
            }
        });
        assertThatThrownBy(() -> broken.feed(frame("A"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("buffered bytes");
        assertThatThrownBy(() -> FrameFormat.Cut.take(0, new Text("x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReadOnlyViewRefusesReadsPastWhatIsBuffered() {
        BufferedBytes b = new BufferedBytes(new byte[] {(byte) 0xAA}, 8);
        b.append(new byte[] {(byte) 0xAA, 0x01, 0x02}, 0, 3);
        assertThat(b.u16(1)).isEqualTo(0x0102);
        assertThat(b.markerAt(1, 3)).isEqualTo(-1);
        assertThatThrownBy(() -> b.u8(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> b.copy(2, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
