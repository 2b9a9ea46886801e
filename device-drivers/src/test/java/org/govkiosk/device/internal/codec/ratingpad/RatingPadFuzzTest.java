package org.govkiosk.device.internal.codec.ratingpad;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.govkiosk.device.testkit.RecentBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 100,000 random and mutated inputs, fixed seed: nothing escapes, nothing hangs (the timeout only guards against
 * a hang, it measures nothing), the decoder stays within its bounded buffer, never emits a frame that was not in
 * the input, always finds a good frame again, and the payload parsers turn any bytes into a value or a reason.
 */
class RatingPadFuzzTest {

    private static final int ROUNDS = 100_000;
    private static final long SEED = 20_260_107L;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void streamDecoderAndPayloadParsersSurviveRandomAndMutatedFrames() {
        Random random = new Random(SEED);
        RatingPadFrameDecoder decoder = new RatingPadFrameDecoder();
        byte[][] templates = templates();
        RecentBytes window = new RecentBytes(decoder.capacity() * 2 + 4096);
        int emitted = 0;
        int parsedPayloads = 0;
        int recoveries = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = random.nextInt(4) == 0 ? randomBytes(random)
                    : mutate(templates[random.nextInt(templates.length)], random);
            for (int off = 0; off < input.length; ) {
                int n = Math.min(input.length - off, 1 + random.nextInt(64));
                window.add(input, off, n);
                List<Decoded> out = decoder.feed(input, off, n);
                off += n;
                assertThat(decoder.buffered()).isLessThan(decoder.capacity());
                for (Decoded d : out) {
                    if (d instanceof PadFrame f) {
                        emitted++;
                        assertThat(window.contains(RatingPadFrameEncoder.frame(f)))
                                .as("round %d emitted a frame that is not in the input", round).isTrue();
                        parsedPayloads += parseAll(f.payload());
                    } else {
                        assertThat(((FrameError) d).bytes()).isPositive();
                    }
                }
            }
            if (round % 100 == 0) {
                // A buffer's worth of non-STX bytes ends whatever frame was pending; the next good frame decodes.
                byte[] good = RatingPadFrameEncoder.keyPressed(1 + round % 255, new KeyPress("R" + round, 3));
                byte[] recovery = new byte[decoder.capacity() + good.length];
                System.arraycopy(good, 0, recovery, decoder.capacity(), good.length);
                window.add(recovery, 0, recovery.length);
                List<Decoded> out = decoder.feed(recovery);
                assertThat(out.get(out.size() - 1)).as("round %d", round).isEqualTo(new PadFrame(1 + round % 255,
                        PadCommand.KEY_PRESSED, new KeyPress("R" + round, 3).encode()));
                assertThat(decoder.buffered()).isZero();
                recoveries++;
            }
        }
        assertThat(recoveries).isEqualTo(ROUNDS / 100);
        assertThat(emitted).as("mutations leave many frames intact").isGreaterThan(ROUNDS / 10);
        assertThat(parsedPayloads).as("intact frames still parse").isGreaterThan(ROUNDS / 20);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void payloadParsersNeverThrowOnRandomBytes() {
        Random random = new Random(SEED + 1);
        byte[][] payloads = Arrays.stream(templates()).filter(t -> t.length >= 8).map(t -> Arrays.copyOfRange(t, 5, t.length - 3))
                .toArray(byte[][]::new);
        int ok = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] p = random.nextInt(3) == 0 ? randomBytes(random, random.nextInt(40))
                    : payloads[random.nextInt(payloads.length)].clone();
            for (int flips = random.nextInt(3); flips > 0 && p.length > 0; flips--) {
                p[random.nextInt(p.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(8) == 0) {
                p = Arrays.copyOf(p, random.nextInt(p.length + 2));
            }
            ok += parseAll(p);
        }
        assertThat(ok).isGreaterThan(ROUNDS / 10);
    }

    /** Parses with every payload type; each answers a value or a reason. Returns how many gave a value. */
    private static int parseAll(byte[] payload) {
        int ok = 0;
        for (Parsed<?> p : List.of(ShowRequest.parse(payload), KeyPress.parse(payload), PadCondition.parse(payload),
                NakReason.parse(payload))) {
            assertThat(p).isNotNull();
            if (p instanceof Parsed.Ok<?> value) {
                assertThat(value.value()).isNotNull();
                ok++;
            } else {
                assertThat(((Parsed.Malformed<?>) p).reason()).isNotBlank();
            }
        }
        return ok;
    }

    private static byte[][] templates() {
        return new byte[][] {
            RatingPadFrameEncoder.show(9, new ShowRequest("330100-ZW-0001", "社保卡补办", "王芳", "3号窗口", 60,
                    TextCharset.UTF_8)),
            RatingPadFrameEncoder.show(10, new ShowRequest("330100-ZW-0002", "不动产登记", "李明", "5号窗口", 30,
                    TextCharset.GB18030)),
            RatingPadFrameEncoder.keyPressed(7, new KeyPress("ZW2026-0001", 5)),
            RatingPadFrameEncoder.status(3, new PadCondition(true, 2, true)),
            RatingPadFrameEncoder.ack(2),
            RatingPadFrameEncoder.nak(0, NakReason.CHECKSUM),
            RatingPadFrameEncoder.heartbeat(2),
            RatingPadFrameEncoder.statusQuery(2),
            {0x02, 0x02, 0x02, 0x00, 0x02}
        };
    }

    /** A frame with one of: a flipped byte, a new length, a cut, a stray STX, a duplicate, or nothing. */
    private static byte[] mutate(byte[] frame, Random random) {
        byte[] b = frame.clone();
        switch (random.nextInt(6)) {
            case 0 -> { } // intact
            case 1 -> b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
            case 2 -> {
                if (b.length > 3) {
                    b[1] = (byte) random.nextInt(5);
                    b[2] = (byte) random.nextInt(256);
                }
            }
            case 3 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1));
            case 4 -> {
                int at = random.nextInt(b.length + 1);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(b, 0, at);
                out.write(RatingPadFrameEncoder.STX);
                out.write(b, at, b.length - at);
                b = out.toByteArray();
            }
            default -> {
                byte[] twice = Arrays.copyOf(b, b.length * 2);
                System.arraycopy(b, 0, twice, b.length, b.length);
                b = twice;
            }
        }
        return b;
    }

    private static byte[] randomBytes(Random random) {
        byte[] b = randomBytes(random, random.nextInt(600));
        // Sprinkle STX bytes so the hunt is exercised, not just skipped.
        for (int i = 0; i < b.length; i += 1 + random.nextInt(30)) {
            b[i] = RatingPadFrameEncoder.STX;
        }
        return b;
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
