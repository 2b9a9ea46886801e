package org.govkiosk.device.internal.codec.ratingpad;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Parse hex → fields, and everything that is not a good frame: each error costs that frame only. */
class RatingPadFrameDecoderTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String KEY_PRESS = "02000F0720050B5A57323032362D30303031E02B03";
    private static final String STATUS_QUERY = "0200020112EBE203";
    private static final String SHOW_GB = "02002C091001003C0E3333303130302D5A572D303030310AC9E7B1A3BFA8B2B9B0EC04CDF5B7BC"
            + "0733BAC5B4B0BFDA929B03";

    private final RatingPadFrameDecoder decoder = new RatingPadFrameDecoder();

    @Test
    void parsesAKeyPressIntoItsFields() {
        List<Decoded> out = decoder.feed(HEX.parseHex(KEY_PRESS));

        assertThat(out).hasSize(1);
        PadFrame f = (PadFrame) out.get(0);
        assertThat(f.seq()).isEqualTo(7);
        assertThat(f.command()).isEqualTo(PadCommand.KEY_PRESSED);
        assertThat(KeyPress.parse(f.payload())).isEqualTo(Parsed.ok(new KeyPress("ZW2026-0001", 5)));
    }

    @Test
    void parsesAGb18030ShowRequestIntoItsFields() {
        PadFrame f = (PadFrame) decoder.feed(HEX.parseHex(SHOW_GB)).get(0);

        assertThat(f.seq()).isEqualTo(9);
        assertThat(ShowRequest.parse(f.payload()).toOptional()).contains(
                new ShowRequest("330100-ZW-0001", "社保卡补办", "王芳", "3号窗口", 60, TextCharset.GB18030));
    }

    @Test
    void parsesStatusAndNak() {
        List<Decoded> out = decoder.feed(HEX.parseHex("02000403210105CEA803" + "020003001501667703"));

        assertThat(PadCondition.parse(((PadFrame) out.get(0)).payload()).toOptional())
                .contains(new PadCondition(true, 5, false));
        assertThat(NakReason.parse(((PadFrame) out.get(1)).payload()).toOptional()).contains(NakReason.CHECKSUM);
        assertThat(((PadFrame) out.get(1)).seq()).isZero();
    }

    @Test
    void framesByLengthWhateverTheChunks() {
        byte[] stream = HEX.parseHex(KEY_PRESS + STATUS_QUERY + SHOW_GB);
        List<Decoded> whole = decoder.feed(stream);
        List<Decoded> bytewise = new ArrayList<>();
        RatingPadFrameDecoder other = new RatingPadFrameDecoder();
        for (byte b : stream) {
            bytewise.addAll(other.feed(new byte[] {b}));
        }

        assertThat(whole).hasSize(3).allMatch(PadFrame.class::isInstance);
        assertThat(bytewise).isEqualTo(whole);
    }

    @Test
    void aBadChecksumCostsThatFrameOnly() {
        byte[] bad = HEX.parseHex(KEY_PRESS);
        bad[bad.length - 3] ^= 0x01;

        List<Decoded> out = decoder.feed(concat(bad, HEX.parseHex(STATUS_QUERY)));

        assertThat(out.get(0)).isInstanceOfSatisfying(FrameError.class,
                e -> assertThat(e.kind()).isEqualTo(FrameError.Kind.CHECKSUM));
        assertThat(out.get(out.size() - 1)).isEqualTo(new PadFrame(1, PadCommand.STATUS_QUERY, new byte[0]));
        assertThat(out.stream().filter(PadFrame.class::isInstance)).hasSize(1);
        assertThat(dropped(out)).isEqualTo(bad.length);
    }

    @Test
    void aFlippedPayloadByteIsACrcError() {
        byte[] bad = HEX.parseHex(KEY_PRESS);
        bad[8] ^= 0x20;

        assertThat(decoder.feed(bad)).first().isInstanceOfSatisfying(FrameError.class,
                e -> assertThat(e.kind()).isEqualTo(FrameError.Kind.CHECKSUM));
    }

    @Test
    void aMissingEtxIsAFramingError() {
        byte[] bad = HEX.parseHex(STATUS_QUERY);
        bad[bad.length - 1] = 0x04;

        List<Decoded> out = decoder.feed(concat(bad, HEX.parseHex(STATUS_QUERY)));

        assertThat(out.get(0)).isInstanceOfSatisfying(FrameError.class,
                e -> assertThat(e.kind()).isEqualTo(FrameError.Kind.FRAMING));
        assertThat(out.get(out.size() - 1)).isInstanceOf(PadFrame.class);
    }

    @Test
    void aTruncatedFrameIsHeldUntilTheNextFrameProvesItCutShort() {
        byte[] key = HEX.parseHex(KEY_PRESS);
        byte[] cut = java.util.Arrays.copyOf(key, 10);

        assertThat(decoder.feed(cut)).isEmpty();
        assertThat(decoder.buffered()).isEqualTo(10);
        List<Decoded> out = decoder.feed(HEX.parseHex(STATUS_QUERY));

        assertThat(out).containsExactly(new FrameError(FrameError.Kind.TRUNCATED, 10, "frame cut short after 10 bytes"),
                new PadFrame(1, PadCommand.STATUS_QUERY, new byte[0]));
        assertThat(decoder.buffered()).isZero();
    }

    @Test
    void aResetDropsAHalfFrameAsTruncated() {
        decoder.feed(java.util.Arrays.copyOf(HEX.parseHex(SHOW_GB), 20));

        assertThat(decoder.reset()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(FrameError.Kind.TRUNCATED);
            assertThat(e.bytes()).isEqualTo(20);
        });
        assertThat(decoder.reset()).isEmpty();
        assertThat(decoder.feed(HEX.parseHex(STATUS_QUERY))).hasSize(1).allMatch(PadFrame.class::isInstance);
    }

    @Test
    void anUnknownCommandIsDroppedWholeWithItsSeq() {
        List<Decoded> out = decoder.feed(HEX.parseHex("020002047FA91C03" + STATUS_QUERY));

        assertThat(out).containsExactly(new FrameError(FrameError.Kind.UNKNOWN_COMMAND, 8, 4, "unknown CMD 0x7F"),
                new PadFrame(1, PadCommand.STATUS_QUERY, new byte[0]));
    }

    @Test
    void aLengthOutOfRangeDropsOnlyTheStx() {
        List<Decoded> out = decoder.feed(HEX.parseHex("02FFFF" + STATUS_QUERY));

        assertThat(out.get(0)).isEqualTo(new FrameError(FrameError.Kind.LENGTH, 1, "LEN 65535 outside 2..1026"));
        assertThat(out.get(out.size() - 1)).isInstanceOf(PadFrame.class);
        assertThat(new RatingPadFrameDecoder().feed(HEX.parseHex("020001"))).first()
                .isEqualTo(new FrameError(FrameError.Kind.LENGTH, 1, "LEN 1 outside 2..1026"));
    }

    @Test
    void garbageBetweenFramesIsCountedAndSkipped() {
        List<Decoded> out = decoder.feed(HEX.parseHex("FF00AA" + STATUS_QUERY + "55"));

        assertThat(out).containsExactly(new FrameError(FrameError.Kind.GARBAGE, 3, "bytes outside a frame"),
                new PadFrame(1, PadCommand.STATUS_QUERY, new byte[0]),
                new FrameError(FrameError.Kind.GARBAGE, 1, "bytes outside a frame"));
    }

    @Test
    void stxInsideAPayloadIsNotAFrameStart() {
        byte[] payload = {0x02, 0x00, 0x02, 0x01, 0x12, 0x02, 0x03};
        byte[] frame = RatingPadFrameEncoder.frame(200, PadCommand.HEARTBEAT, payload);

        assertThat(decoder.feed(frame)).containsExactly(new PadFrame(200, PadCommand.HEARTBEAT, payload));
    }

    @Test
    void wrongTypedPayloadsAreMalformedValuesNotExceptions() {
        byte[] statusPayload = new PadCondition(true, 5, false).encode();

        assertThat(KeyPress.parse(statusPayload)).isInstanceOf(Parsed.Malformed.class);
        assertThat(ShowRequest.parse(statusPayload)).isInstanceOfSatisfying(Parsed.Malformed.class,
                m -> assertThat(m.reason()).startsWith("SHOW_REQUEST:"));
        assertThat(PadCondition.parse(new KeyPress("A1", 3).encode())).isInstanceOf(Parsed.Malformed.class);
        assertThat(NakReason.parse(new byte[] {0x09})).isEqualTo(Parsed.malformed("unknown NAK reason 0x09"));
        assertThat(KeyPress.parse(HEX.parseHex("0002413142"))).isEqualTo(Parsed.malformed(
                "KEY_PRESSED: level 0 outside 1..5"));
        assertThat(KeyPress.parse(HEX.parseHex("03054131"))).isEqualTo(Parsed.malformed(
                "KEY_PRESSED: request id of 5 bytes runs past the payload's end (2 left)"));
        assertThat(KeyPress.parse(HEX.parseHex("0302413100"))).isEqualTo(Parsed.malformed(
                "KEY_PRESSED: 1 bytes after the last field"));
        assertThat(ShowRequest.parse(HEX.parseHex("00003C024131" + "02FFFE" + "00" + "00")))
                .isEqualTo(Parsed.malformed("SHOW_REQUEST: item is not valid UTF-8"));
        assertThat(ShowRequest.parse(HEX.parseHex("07003C024131000000")))
                .isEqualTo(Parsed.malformed("SHOW_REQUEST: unknown charset 0x07"));
        assertThat(PadCondition.parse(HEX.parseHex("0005"))).isEqualTo(Parsed.malformed(
                "STATUS: stuck key 5 without the key-stuck flag"));
        assertThat(PadCondition.parse(HEX.parseHex("FE00")).toOptional())
                .as("reserved flag bits are ignored").contains(new PadCondition(false, 0, true));
    }

    @Test
    void roundTripsRandomFrames() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            ShowRequest show = new ShowRequest("R" + random.nextInt(1_000_000), randomText(random), randomText(random),
                    randomText(random), 5 + random.nextInt(3596), TextCharset.values()[random.nextInt(2)]);
            KeyPress key = new KeyPress("K-" + random.nextInt(99_999), 1 + random.nextInt(5));
            int seq = 1 + random.nextInt(255);
            List<Decoded> out = decoder.feed(concat(RatingPadFrameEncoder.show(seq, show),
                    RatingPadFrameEncoder.keyPressed(RatingPadFrameEncoder.nextSeq(seq), key)));

            assertThat(out).hasSize(2);
            assertThat(ShowRequest.parse(((PadFrame) out.get(0)).payload())).isEqualTo(Parsed.ok(show));
            assertThat(((PadFrame) out.get(0)).seq()).isEqualTo(seq);
            assertThat(KeyPress.parse(((PadFrame) out.get(1)).payload())).isEqualTo(Parsed.ok(key));
        }
    }

    private static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            s.append(random.nextBoolean() ? (char) ('A' + random.nextInt(26)) : (char) (0x4E00 + random.nextInt(0x5000)));
        }
        return s.toString();
    }

    private static int dropped(List<Decoded> out) {
        return out.stream().filter(FrameError.class::isInstance).mapToInt(d -> ((FrameError) d).bytes()).sum();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
