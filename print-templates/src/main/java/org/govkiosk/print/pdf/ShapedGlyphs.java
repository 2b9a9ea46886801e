package org.govkiosk.print.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.govkiosk.print.text.ArabicShaper;

/**
 * One shaped run as a small form XObject: each glyph placed by id where the shaper put it (PDFBox's showText can
 * only map characters through the font's character map, which has no way to the joining forms). The run's logical
 * text goes with it as /ActualText, so search, copy and pdftotext read the words, not the glyphs.
 */
final class ShapedGlyphs {

    private ShapedGlyphs() {
    }

    /** The run drawn with its origin at the start of its baseline, at {@code size} pt. */
    static PDFormXObject form(PDDocument doc, PDType0Font font, ArabicShaper.Run run, float size, boolean bold) {
        PDFormXObject form = new PDFormXObject(doc);
        PDResources resources = new PDResources();
        COSName name = resources.add(font);
        form.setResources(resources);
        float w = run.width() * size;
        // Generous bounds: a form clips what lies outside them, and Arabic letters reach below the baseline.
        form.setBBox(new PDRectangle(-size, -size, w + 2 * size, 3 * size));
        StringBuilder ops = new StringBuilder();
        ops.append("/Span <</ActualText <").append(utf16Hex(run.text())).append(">>> BDC\nBT\n/")
                .append(name.getName()).append(' ').append(number(size)).append(" Tf\n");
        if (bold) {
            ops.append(number(size * 0.035f)).append(" w 2 Tr\n");
        }
        HexFormat hex = HexFormat.of().withUpperCase();
        for (int i = 0; i < run.glyphs().length; i++) {
            ops.append("1 0 0 1 ").append(number(run.offsets()[i] * size)).append(" 0 Tm <")
                    .append(hex.formatHex(font.encodeGlyphId(run.glyphs()[i]))).append("> Tj\n");
        }
        ops.append("ET\nEMC\n");
        try (OutputStream out = form.getContentStream().createOutputStream()) {
            out.write(ops.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return form;
    }

    private static String utf16Hex(String text) {
        return "FEFF" + HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_16BE));
    }

    private static String number(float f) {
        return String.format(Locale.ROOT, "%.3f", f);
    }
}
