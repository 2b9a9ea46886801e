package org.govkiosk.device.internal.codec.escpos;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.Objects;

/**
 * How one printer model prints Chinese text and QR codes, as {@link ModelStreamFilter} adapts a stream to it.
 *
 * @param charset            the model's Chinese character set (GB18030, GBK or GB2312)
 * @param replacement        what prints instead of a character the charset lacks (one character it has)
 * @param chineseModeCommand whether the model takes {@code FS &} / {@code FS .}; false drops them (the model is
 *                           always in Chinese mode and would print them as text)
 * @param qrAsRaster         whether QR codes go out as {@code GS v 0} images (clones without {@code GS ( k})
 * @param printWidthDots     the widest image the model prints (576 on 80 mm, 384 on 58 mm)
 */
public record ModelText(Charset charset, String replacement, boolean chineseModeCommand, boolean qrAsRaster,
        int printWidthDots) {

    /** The encodings Chinese receipt printers come with, by the names devices.yaml uses. */
    public static final Map<String, Charset> ENCODINGS = Map.of(
            "GB18030", Charset.forName("GB18030"), "GBK", Charset.forName("GBK"), "GB2312", Charset.forName("GB2312"));
    public static final String DEFAULT_REPLACEMENT = "□";

    public ModelText {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(replacement, "replacement");
        if (!charset.newEncoder().canEncode(replacement)) {
            throw new IllegalArgumentException("replacement '" + replacement + "' is not in " + charset.name());
        }
    }

    /** What the renderer sends already: GB18030, FS &amp;, GS ( k; the filter passes such a stream unchanged. */
    public static ModelText standard() {
        return new ModelText(ENCODINGS.get("GB18030"), DEFAULT_REPLACEMENT, true, false, 576);
    }

    public boolean isStandard() {
        return charset.name().equals("GB18030") && chineseModeCommand && !qrAsRaster;
    }
}
