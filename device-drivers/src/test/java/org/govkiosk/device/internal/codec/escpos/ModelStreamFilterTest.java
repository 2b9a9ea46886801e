package org.govkiosk.device.internal.codec.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model filter's byte work: only Chinese text, FS &amp; and QR commands change; everything else passes. */
class ModelStreamFilterTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void spansCoverEveryByteInOrderEvenWhenTheStreamEndsInsideACommand() {
        byte[] stream = sample(true);
        List<EscPosStreamParser.Span> spans = EscPosStreamParser.spans(stream, false);

        int next = 0;
        for (EscPosStreamParser.Span s : spans) {
            assertThat(s.offset()).isEqualTo(next);
            next += s.length();
        }
        assertThat(next).isEqualTo(stream.length);
        assertThat(spans.get(spans.size() - 1).elements()).singleElement()
                .isInstanceOf(PrintedElement.Malformed.class);
    }

    @Test
    void theStandardModelPassesTheStreamUnchanged() {
        byte[] stream = sample(false);
        assertThat(new ModelStreamFilter(ModelText.standard()).apply(stream).bytes()).isEqualTo(stream);
    }

    @Test
    void aGb2312ModelChangesOnlyTheCharactersItLacksAndKeepsEveryOtherByte() {
        byte[] stream = sample(true);
        ModelText gb2312 = new ModelText(ModelText.ENCODINGS.get("GB2312"), "□", true, false, 576);

        ModelStreamFilter.Result r = new ModelStreamFilter(gb2312).apply(stream);

        assertThat(r.replaced()).isEqualTo(1);
        String expected = new String(stream, GB18030).replace("镕", "□");
        assertThat(new String(r.bytes(), GB18030)).isEqualTo(expected);
        // The image's bytes (GS v 0 with 0xFF data) and the cut-off tail are untouched.
        assertThat(r.bytes().length).isEqualTo(stream.length);
    }

    @Test
    void textOutsideChineseModeIsLeftToItsCodePage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1B, 0x40, 'C', 'a', 'f', (byte) 0x82, '\n'}); // é in code page 437
        byte[] stream = out.toByteArray();
        ModelText gb2312 = new ModelText(ModelText.ENCODINGS.get("GB2312"), "?", true, false, 576);

        assertThat(new ModelStreamFilter(gb2312).apply(stream).bytes()).isEqualTo(stream);
    }

    /** ESC @, FS &amp;, a line with 镕, a small raster image, and (if {@code cut}) a command cut short. */
    private static byte[] sample(boolean cutShort) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1B, 0x40, 0x1C, 0x26});
        out.writeBytes("朱镕基 No.1".getBytes(GB18030));
        out.write('\n');
        out.writeBytes(new byte[] {0x1D, 'v', '0', 0, 1, 0, 2, 0, (byte) 0xFF, (byte) 0x81});
        if (cutShort) {
            out.writeBytes(new byte[] {0x1D, 0x28, 0x6B, 10, 0, 0x31});
        }
        return out.toByteArray();
    }
}
