package org.govkiosk.device.internal.codec.escpos;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Adapts a standard ESC/POS stream (GB18030 text in Chinese mode, {@code FS &}, {@code GS ( k} QR codes: what the
 * terminal renders) to one printer model ({@link ModelText}): Chinese text re-encoded in the model's character set,
 * each character it lacks replaced by the model's replacement character (never sent as bytes it would misprint),
 * {@code FS &}/{@code FS .} dropped for a model that does not take them, and QR codes drawn as {@code GS v 0}
 * raster images for a model without {@code GS ( k}. Every other byte passes unchanged. Pure: no I/O.
 */
public final class ModelStreamFilter {

    /** The adapted stream and how many characters were replaced (for a log line, never the characters). */
    public record Result(byte[] bytes, int replaced, int qrAsRaster) {
    }

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final int QUIET_ZONE_MODULES = 4;
    private static final int RASTER_BAND = 256;

    private final ModelText model;

    public ModelStreamFilter(ModelText model) {
        this.model = model;
    }

    public Result apply(byte[] stream) {
        if (model.isStandard()) {
            return new Result(stream, 0, 0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(stream.length + 64);
        int replaced = 0;
        int rasters = 0;
        QrState qr = new QrState();
        for (EscPosStreamParser.Span span : EscPosStreamParser.spans(stream, !model.chineseModeCommand())) {
            int from = span.offset();
            int to = from + span.length();
            if (span.text() && span.chineseMode()) {
                replaced += encode(new String(stream, from, span.length(), GB18030), out);
            } else if (isFs(stream, from, span, '&') || isFs(stream, from, span, '.')) {
                if (model.chineseModeCommand()) {
                    out.write(stream, from, span.length());
                }
            } else if (model.qrAsRaster() && isQrCommand(stream, from, span)) {
                byte[] image = qr.apply(stream, from, span.length());
                if (image != null) {
                    out.writeBytes(image);
                    rasters++;
                }
            } else {
                out.write(stream, from, span.length());
            }
        }
        return new Result(out.toByteArray(), replaced, rasters);
    }

    /** Writes {@code text} in the model's charset; returns how many characters it had to replace. */
    private int encode(String text, ByteArrayOutputStream out) {
        CharsetEncoder encoder = model.charset().newEncoder();
        byte[] replacement = model.replacement().getBytes(model.charset());
        int replaced = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            CharSequence ch = text.subSequence(i, i + n);
            // U+FFFD: bytes that were no valid GB18030 in the first place print as the replacement too.
            if (cp != 0xFFFD && encoder.canEncode(ch)) {
                out.writeBytes(encoded(encoder, ch));
            } else {
                out.writeBytes(replacement);
                replaced++;
            }
            i += n;
        }
        return replaced;
    }

    private static byte[] encoded(CharsetEncoder encoder, CharSequence ch) {
        try {
            var buf = encoder.reset().encode(CharBuffer.wrap(ch));
            byte[] b = new byte[buf.remaining()];
            buf.get(b);
            return b;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("canEncode and encode disagree on " + ch, e);
        }
    }

    private static boolean isFs(byte[] s, int from, EscPosStreamParser.Span span, char c) {
        return span.length() == 2 && (s[from] & 0xFF) == 0x1C && s[from + 1] == c;
    }

    /** {@code GS ( k pL pH 49 fn ...}: a QR function. */
    private static boolean isQrCommand(byte[] s, int from, EscPosStreamParser.Span span) {
        return span.length() >= 7 && (s[from] & 0xFF) == 0x1D && s[from + 1] == '(' && s[from + 2] == 'k'
                && (s[from + 5] & 0xFF) == 49;
    }

    /** The QR settings and data of the stream so far, drawn as an image when it says print (fn 81). */
    private final class QrState {
        int moduleDots = 3;
        ErrorCorrectionLevel level = ErrorCorrectionLevel.L;
        byte[] data;

        /** The image bytes for a print, null for a setting or store. */
        byte[] apply(byte[] s, int from, int length) {
            int fn = s[from + 6] & 0xFF;
            int params = from + 7;
            int end = from + length;
            switch (fn) {
                case 67 -> moduleDots = params < end ? Math.max(1, s[params] & 0xFF) : moduleDots;
                case 69 -> {
                    int l = params < end ? (s[params] & 0xFF) - 48 : -1;
                    level = l >= 0 && l < 4 ? List.of(ErrorCorrectionLevel.L, ErrorCorrectionLevel.M,
                            ErrorCorrectionLevel.Q, ErrorCorrectionLevel.H).get(l) : level;
                }
                case 80 -> data = params + 1 <= end ? java.util.Arrays.copyOfRange(s, params + 1, end) : null;
                case 81 -> {
                    return data == null ? null : raster(data);
                }
                default -> {
                    // model select, size query: nothing to draw
                }
            }
            return null;
        }

        private byte[] raster(byte[] payload) {
            ByteMatrix m;
            try {
                m = Encoder.encode(QrSymbolStorage.decodeAuto(payload), level, hints(payload)).getMatrix();
            } catch (WriterException e) {
                return null; // too long for a QR code: GS ( k would have printed nothing either
            }
            int modules = m.getWidth() + 2 * QUIET_ZONE_MODULES;
            int module = Math.max(1, Math.min(moduleDots, model.printWidthDots() / modules));
            int width = modules * module;
            int widthBytes = (width + 7) / 8;
            byte[] bits = new byte[widthBytes * width];
            for (int y = 0; y < width; y++) {
                int my = y / module - QUIET_ZONE_MODULES;
                for (int x = 0; x < width; x++) {
                    int mx = x / module - QUIET_ZONE_MODULES;
                    if (mx >= 0 && my >= 0 && mx < m.getWidth() && my < m.getHeight() && m.get(mx, my) == 1) {
                        bits[y * widthBytes + x / 8] |= (byte) (0x80 >> (x % 8));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(bits.length + 64);
            // In bands, as the renderer sends images: many printers have a small receive buffer.
            for (int top = 0; top < width; top += RASTER_BAND) {
                int h = Math.min(RASTER_BAND, width - top);
                out.writeBytes(new byte[] {0x1D, 'v', '0', 0, (byte) widthBytes, (byte) (widthBytes >> 8), (byte) h,
                    (byte) (h >> 8)});
                out.write(bits, top * widthBytes, h * widthBytes);
            }
            return out.toByteArray();
        }

        /** ASCII goes without an ECI, as {@code GS ( k} sends it; anything else as UTF-8 with its ECI. */
        private Map<EncodeHintType, Object> hints(byte[] payload) {
            Map<EncodeHintType, Object> h = new EnumMap<>(EncodeHintType.class);
            boolean ascii = true;
            for (byte b : payload) {
                ascii &= b >= 0;
            }
            if (!ascii) {
                h.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
            }
            return h;
        }
    }
}
