package org.govkiosk.device.internal.codec.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.govkiosk.device.idcard.IdCardData;
import org.govkiosk.device.idcard.IdCardTextParser;
import org.govkiosk.device.idcard.IdNumber;
import org.govkiosk.device.idcard.TextLayout;
import org.govkiosk.device.testkit.RecentBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 100,000 random and mutated inputs, fixed seed: nothing escapes, nothing hangs (the timeout only guards against
 * a hang, it measures nothing), the decoder stays within its buffer, never invents a frame and always finds a
 * good frame again, and the text parser never accepts data that breaks its own rules.
 */
class IdCardFuzzTest {

    private static final int ROUNDS = 100_000;
    private static final long SEED = 20_261_122L;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void streamDecoderSurvivesRandomAndMutatedFrames() {
        Random random = new Random(SEED);
        IdCardFrameDecoder decoder = new IdCardFrameDecoder();
        byte[][] templates = templates(random);
        // The decoder can only emit bytes it saw within the last buffer's worth of input.
        RecentBytes window = new RecentBytes(decoder.capacity() * 2 + 4096);
        int emitted = 0;
        int recoveries = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = random.nextInt(4) == 0 ? randomBytes(random) : mutate(templates[random.nextInt(templates.length)], random);
            for (int off = 0; off < input.length; ) {
                int n = Math.min(input.length - off, 1 + random.nextInt(64));
                window.add(input, off, n);
                List<Decoded> out = decoder.feed(input, off, n);
                off += n;
                assertThat(decoder.buffered()).isLessThan(decoder.capacity());
                for (Decoded d : out) {
                    if (d instanceof SamFrame f) {
                        emitted++;
                        assertThat(window.contains(IdCardFrameEncoder.frame(f.body())))
                                .as("round %d emitted a frame that is not in the input", round).isTrue();
                    }
                }
            }
            if (round % 100 == 0) {
                // A buffer's worth of silence ends whatever frame was pending; the next good frame must decode.
                byte[] good = IdCardFrameEncoder.response(SamResult.SUCCESS, new byte[] {(byte) round, 7});
                byte[] recovery = new byte[decoder.capacity() + good.length];
                System.arraycopy(good, 0, recovery, decoder.capacity(), good.length);
                window.add(recovery, 0, recovery.length);
                List<Decoded> out = decoder.feed(recovery);
                assertThat(out.get(out.size() - 1)).as("round %d", round).isEqualTo(new SamFrame(
                        Arrays.copyOfRange(good, 7, good.length - 1)));
                assertThat(decoder.buffered()).isZero();
                recoveries++;
            }
        }
        assertThat(recoveries).isEqualTo(ROUNDS / 100);
        assertThat(emitted).as("mutations leave many frames intact").isGreaterThan(ROUNDS / 10);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void textParserAndPayloadsNeverThrowAndNeverAcceptBrokenRules() {
        Random random = new Random(SEED + 1);
        byte[][] blocks = validBlocks();
        int parsed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] block = random.nextInt(5) == 0 ? randomBytes(random, 256) : blocks[random.nextInt(blocks.length)].clone();
            int flips = random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                block[random.nextInt(block.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(10) == 0) {
                block = Arrays.copyOf(block, random.nextInt(300));
            }
            IdCardTextParser.Result result = IdCardTextParser.parse(block, new byte[0]);
            assertThat(result).isNotNull();
            if (result instanceof IdCardTextParser.Parsed p) {
                parsed++;
                checkInvariants(p.card());
            }
            byte[] payload = randomBytes(random, random.nextInt(1400));
            CardReadPayload.parse(payload, random.nextBoolean());
            SamResponse.of(new SamFrame(payload)).ifPresent(r -> r.result());
            IdCardTextParser.parseAddress(payload);
        }
        assertThat(parsed).as("unmutated or harmlessly mutated blocks still parse").isGreaterThan(ROUNDS / 20);
    }

    private static void checkInvariants(IdCardData card) {
        switch (card.documentType()) {
            case RESIDENT_ID, HMT_RESIDENCE_PERMIT -> {
                IdNumber number = IdNumber.parse(card.idNumber()).orElseThrow();
                assertThat(number.birthDate()).isEqualTo(card.birthDate());
            }
            case FOREIGN_PERMANENT_RESIDENT -> assertThat(card.nationality()).matches("[A-Z]{3}");
        }
        assertThat(card.validUntil() == null || !card.validUntil().isBefore(card.validFrom())).isTrue();
        assertThat(card.toString()).doesNotContain(card.idNumber());
    }

    private static byte[][] validBlocks() {
        return new byte[][] {
            TextLayout.RESIDENT.write(Map.of("name", "张伟", "sex", "1", "nation", "01", "birth", "19800101",
                    "address", "北京市东城区示例路1号", "id", "110101198001011232", "authority", "北京市公安局东城分局",
                    "from", "20200101", "until", "20400101")),
            TextLayout.HMT_RESIDENCE_PERMIT.write(Map.of("name", "陈嘉欣", "sex", "2", "birth", "19950512",
                    "address", "广东省深圳市南山区示例路8号", "id", "810000199505120027", "authority", "深圳市公安局",
                    "from", "20230301", "until", "20280301", "pass-number", "H00000001", "issue-count", "01")),
            TextLayout.FOREIGN_2017.write(Map.of("english-name", "SMITH, JOHN", "sex", "1", "id", "GBR110075060100",
                    "nationality", "GBR", "birth", "19750601", "from", "20180101", "until", "20280101")),
            TextLayout.FOREIGN_2023.write(Map.of("chinese-name", "加西亚", "english-name", "GARCIA, MARIA", "sex", "2",
                    "birth", "19880909", "id", "911560198809090027", "nationality", "ESP", "from", "20240115",
                    "until", "20340115"))
        };
    }

    private static byte[][] templates(Random random) {
        byte[] photo = randomBytes(random, 1284);
        return new byte[][] {
            IdCardFrameEncoder.command(SamCommand.FIND_CARD),
            IdCardFrameEncoder.response(SamResult.FIND_SUCCESS, new byte[4]),
            IdCardFrameEncoder.response(SamResult.SUCCESS, new byte[8]),
            IdCardFrameEncoder.response(SamResult.SUCCESS, photo),
            IdCardFrameEncoder.response(SamResult.NO_CARD),
            "AAAAAA9669".getBytes(StandardCharsets.US_ASCII)
        };
    }

    /** A frame with a few of: flipped bytes, a new length, a cut, a stray preamble, a duplicate. */
    private static byte[] mutate(byte[] frame, Random random) {
        byte[] b = frame.clone();
        switch (random.nextInt(6)) {
            case 0 -> { } // intact
            case 1 -> b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
            case 2 -> {
                if (b.length > 6) {
                    b[5] = (byte) random.nextInt(256);
                    b[6] = (byte) random.nextInt(256);
                }
            }
            case 3 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1));
            case 4 -> {
                int at = random.nextInt(b.length + 1);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(b, 0, at);
                out.writeBytes(IdCardFrameEncoder.preamble());
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
        // Sprinkle preamble bytes so the hunt is exercised, not just skipped.
        for (int i = 0; i + 4 < b.length; i += 1 + random.nextInt(50)) {
            b[i] = (byte) 0xAA;
        }
        return b;
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
