package org.govkiosk.device.internal.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.govkiosk.device.internal.codec.qr.ScanFrameConfig.PayloadCharset;
import org.govkiosk.device.internal.codec.qr.ScanFrameConfig.Terminator;
import org.govkiosk.device.internal.codec.qr.ScanResult.FrameError;
import org.govkiosk.device.internal.codec.qr.ScanResult.Scanned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScanFrameDecoderTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String E_LICENCE = "电子营业执照:91110000MA01ABCD2X";

    private static ScanFrameDecoder decoder(Terminator t, boolean aim, PayloadCharset cs, int max) {
        return new ScanFrameDecoder(new ScanFrameConfig(t, aim, cs, max));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @EnumSource(value = Terminator.class, names = {"CR", "LF", "CRLF", "TAB"})
    void eachTerminatorEndsAScanAndTwoScansInOneChunkAreTwo(Terminator t) {
        ScanFrameDecoder d = decoder(t, false, PayloadCharset.AUTO, 256);

        List<ScanResult> got = d.feed(concat(ascii("ABC123"), t.bytes(), ascii("XYZ"), t.bytes(), ascii("PART")));

        assertThat(got).containsExactly(new Scanned("ABC123", ""), new Scanned("XYZ", ""));
        assertThat(d.hasPending()).isTrue();
        assertThat(d.feed(t.bytes())).containsExactly(new Scanned("PART", ""));
    }

    @Test
    void withoutTerminatorAScanEndsOnlyWhenFlushed() {
        ScanFrameDecoder d = decoder(Terminator.NONE, false, PayloadCharset.AUTO, 256);

        assertThat(d.feed(ascii("ABC\r\n123"))).isEmpty();
        assertThat(d.flush()).containsExactly(new Scanned("ABC\r\n123", ""));
        assertThat(d.flush()).isEmpty();
    }

    @Test
    void lfModeDropsATrailingCrAndCrModeDropsTheLfAfterACr() {
        assertThat(decoder(Terminator.LF, false, PayloadCharset.AUTO, 64).feed(ascii("A\r\nB\n")))
                .containsExactly(new Scanned("A", ""), new Scanned("B", ""));
        assertThat(decoder(Terminator.CR, false, PayloadCharset.AUTO, 64).feed(ascii("A\r\nB\r")))
                .containsExactly(new Scanned("A", ""), new Scanned("B", ""));
    }

    @Test
    void emptyScansAreIgnored() {
        assertThat(decoder(Terminator.CR, false, PayloadCharset.AUTO, 64).feed(ascii("\r\r\rA\r")))
                .containsExactly(new Scanned("A", ""));
    }

    @Test
    void aimIdentifiersAreStrippedAndKept() {
        ScanFrameDecoder d = decoder(Terminator.CR, true, PayloadCharset.AUTO, 64);

        assertThat(d.feed(ascii("]Q1HELLO\r]C0CODE128\r]d2DM\r")))
                .containsExactly(new Scanned("HELLO", "Q1"), new Scanned("CODE128", "C0"), new Scanned("DM", "d2"));
    }

    @Test
    void withoutAimConfiguredThePrefixIsPayload() {
        assertThat(decoder(Terminator.CR, false, PayloadCharset.AUTO, 64).feed(ascii("]Q1HELLO\r")))
                .containsExactly(new Scanned("]Q1HELLO", ""));
    }

    @Test
    void aPayloadWithoutAValidPrefixIsLeftWholeEvenWithAimConfigured() {
        assertThat(decoder(Terminator.CR, true, PayloadCharset.AUTO, 64).feed(ascii("HELLO\r]1xY\r")))
                .containsExactly(new Scanned("HELLO", ""), new Scanned("]1xY", ""));
    }

    @Test
    void chineseInGb18030AndUtf8IsDecodedByTheConfiguredOrDetectedCharset() {
        byte[] gb = concat(E_LICENCE.getBytes(GB18030), ascii("\r"));
        byte[] utf8 = concat(E_LICENCE.getBytes(StandardCharsets.UTF_8), ascii("\r"));

        assertThat(decoder(Terminator.CR, false, PayloadCharset.GB18030, 256).feed(gb))
                .containsExactly(new Scanned(E_LICENCE, ""));
        assertThat(decoder(Terminator.CR, false, PayloadCharset.UTF_8, 256).feed(utf8))
                .containsExactly(new Scanned(E_LICENCE, ""));
        assertThat(decoder(Terminator.CR, false, PayloadCharset.AUTO, 256).feed(gb))
                .containsExactly(new Scanned(E_LICENCE, ""));
        assertThat(decoder(Terminator.CR, false, PayloadCharset.AUTO, 256).feed(utf8))
                .containsExactly(new Scanned(E_LICENCE, ""));
    }

    @Test
    void gb18030BytesUnderAStrictUtf8ConfigAreAnErrorNotMojibake() {
        byte[] gb = concat(E_LICENCE.getBytes(GB18030), ascii("\rOK\r"));

        List<ScanResult> got = decoder(Terminator.CR, false, PayloadCharset.UTF_8, 256).feed(gb);

        assertThat(got).hasSize(2);
        assertThat(got.get(0)).isInstanceOfSatisfying(FrameError.class,
                e -> assertThat(e.reason()).isEqualTo(ScanResult.Reason.MALFORMED_TEXT));
        assertThat(got.get(1)).isEqualTo(new Scanned("OK", ""));
    }

    @ParameterizedTest
    @EnumSource(value = Terminator.class, names = {"CR", "LF", "CRLF", "TAB"})
    void chunkBoundariesAnywhereGiveTheSameScans(Terminator t) {
        byte[] stream = concat(ascii("]Q1"), E_LICENCE.getBytes(GB18030), t.bytes(),
                ascii("]Q1"), "张三 𠀀".getBytes(StandardCharsets.UTF_8), t.bytes());
        List<ScanResult> expected = List.of(new Scanned(E_LICENCE, "Q1"), new Scanned("张三 𠀀", "Q1"));

        for (int i = 0; i <= stream.length; i++) {
            for (int j = i; j <= stream.length; j++) {
                ScanFrameDecoder d = decoder(t, true, PayloadCharset.AUTO, 256);
                List<ScanResult> got = new ArrayList<>(d.feed(Arrays.copyOfRange(stream, 0, i)));
                got.addAll(d.feed(Arrays.copyOfRange(stream, i, j)));
                got.addAll(d.feed(Arrays.copyOfRange(stream, j, stream.length)));
                assertThat(got).as("chunks [0,%d) [%d,%d) [%d,end)", i, i, j, j).isEqualTo(expected);
            }
        }
    }

    @Test
    void overLongInputIsOneErrorAndDecodingResumesAfterTheNextTerminator() {
        ScanFrameDecoder d = decoder(Terminator.CR, false, PayloadCharset.AUTO, 16);
        byte[] tooLong = new byte[40];
        Arrays.fill(tooLong, (byte) 'x');

        List<ScanResult> got = new ArrayList<>(d.feed(Arrays.copyOfRange(tooLong, 0, 10)));
        got.addAll(d.feed(Arrays.copyOfRange(tooLong, 10, 40)));
        got.addAll(d.feed(ascii("\rOK\r")));

        assertThat(got).containsExactly(new FrameError(ScanResult.Reason.TOO_LONG, 17), new Scanned("OK", ""));
    }

    @Test
    void aScanOfExactlyTheMaximumLengthPassesInEveryTerminatorMode() {
        String max = "y".repeat(16);
        for (Terminator t : List.of(Terminator.CR, Terminator.LF, Terminator.CRLF, Terminator.TAB)) {
            assertThat(decoder(t, false, PayloadCharset.AUTO, 16).feed(concat(ascii(max), t.bytes())))
                    .as("%s", t).containsExactly(new Scanned(max, ""));
        }
    }

    @Test
    void overLongInputWithoutTerminatorIsDroppedUntilFlushed() {
        ScanFrameDecoder d = decoder(Terminator.NONE, false, PayloadCharset.AUTO, 16);

        assertThat(d.feed(ascii("z".repeat(30)))).containsExactly(new FrameError(ScanResult.Reason.TOO_LONG, 17));
        assertThat(d.flush()).isEmpty();
        assertThat(d.feed(ascii("NEXT"))).isEmpty();
        assertThat(d.flush()).containsExactly(new Scanned("NEXT", ""));
    }

    @Test
    void resetDropsAPartialScan() {
        ScanFrameDecoder d = decoder(Terminator.CR, false, PayloadCharset.AUTO, 64);
        d.feed(ascii("HALF"));
        d.reset();

        assertThat(d.hasPending()).isFalse();
        assertThat(d.feed(ascii("WHOLE\r"))).containsExactly(new Scanned("WHOLE", ""));
    }

    @Test
    void aScanPrintsItsLengthNeverItsPayload() {
        assertThat(new Scanned("110101199003070038", "Q1").toString())
                .doesNotContain("110101199003070038").contains("length=18");
    }

    @Test
    void configNamesAreReadCaseInsensitively() {
        assertThat(Terminator.fromConfig("crlf")).contains(Terminator.CRLF);
        assertThat(Terminator.fromConfig("EOT")).isEmpty();
        assertThat(PayloadCharset.fromConfig("UTF-8")).contains(PayloadCharset.UTF_8);
        assertThat(PayloadCharset.fromConfig("gb18030")).contains(PayloadCharset.GB18030);
        assertThat(PayloadCharset.fromConfig("big5")).isEmpty();
    }
}
