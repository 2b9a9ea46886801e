package org.govkiosk.print.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.govkiosk.print.text.ArabicShaper;
import org.govkiosk.print.text.MongolianShaper;
import org.govkiosk.print.text.ScriptShaper;

/**
 * Drawing on A4 pages top to bottom: a cursor {@link #y()}, page breaks when a piece does not fit, text in the
 * embedded CJK font. Coordinates are PDF points, origin bottom left.
 */
final class PdfCanvas implements AutoCloseable {

    /** UKIJ Tuz draws its letters smaller than the CJK font at the same size: Uyghur is set this much larger. */
    static final float ARABIC_SCALE = 1.2f;

    private final PDDocument doc;
    private final CjkFont cjk;
    private final PDType0Font font;
    private final PdfPageLayout layout;
    private final Map<Integer, Float> widths = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private final Map<EncodedImage, PDImageXObject> images = new IdentityHashMap<>();
    private PDPageContentStream content;
    private float y;
    private ShapingFont arabic;
    private PDType0Font arabicPdf;
    private ShapingFont mongolian;
    private PDType0Font mongolianPdf;

    PdfCanvas(PDDocument doc, CjkFont cjk, PdfPageLayout layout) {
        this.doc = doc;
        this.cjk = cjk;
        this.font = cjk.embedIn(doc);
        this.layout = layout;
        newPage();
    }

    float left() {
        return PdfPageLayout.mm(layout.leftMm());
    }

    float right() {
        return PDRectangle.A4.getWidth() - PdfPageLayout.mm(layout.rightMm());
    }

    float width() {
        return right() - left();
    }

    float top() {
        return PDRectangle.A4.getHeight() - PdfPageLayout.mm(layout.topMm());
    }

    float bottom() {
        return PdfPageLayout.mm(layout.bottomMm());
    }

    float y() {
        return y;
    }

    void down(float amount) {
        y -= amount;
    }

    /** Starts a new page unless {@code height} still fits above the bottom margin. */
    void ensureSpace(float height) {
        if (y - height < bottom() && y < top()) {
            newPage();
        }
    }

    void newPage() {
        closeContent();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        pages.add(page);
        try {
            content = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = top();
    }

    List<PDPage> pages() {
        return pages;
    }

    PDType0Font font() {
        return font;
    }

    String printable(String text) {
        if (!ArabicShaper.containsArabicScript(text)) {
            return cjk.printable(text);
        }
        // Uyghur letters go to the Uyghur font; the rest of the line (digits, Chinese) as before.
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            boolean uyghurFont = ArabicShaper.isArabicScript(cp) || !cjk.hasGlyph(cp); // e.g. the Arabic comma
            out.append(uyghurFont && arabic().shaper().covers(cp) ? c : cjk.printable(c));
        });
        return out.toString();
    }

    /** Advance width of one code point at {@code size}; the code point must be printable. */
    float width(int codePoint, float size) {
        if (ArabicShaper.isArabicScript(codePoint)) {
            // Its isolated form: joined forms are no wider, so a line broken by these never overflows.
            return widths.computeIfAbsent(codePoint, cp -> arabic().shaper().coveredWidth(
                    new String(Character.toChars(cp)), ARABIC_SCALE)) * size;
        }
        return widths.computeIfAbsent(codePoint, cp -> {
            try {
                return font.getStringWidth(new String(Character.toChars(cp))) / 1000f;
            } catch (IOException | IllegalArgumentException e) {
                return 1f; // no advance width: count it as a full em so the line never overflows
            }
        }) * size;
    }

    float width(String text, float size) {
        if (ArabicShaper.containsArabicScript(text)) {
            float w = 0;
            for (ArabicShaper.Run r : arabic().shaper().shape(text)) {
                w += r.covered() ? r.width() * size * ARABIC_SCALE : cjkWidth(r.text(), size);
            }
            return w;
        }
        return cjkWidth(text, size);
    }

    private float cjkWidth(String text, float size) {
        float w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += width(cp, size);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** Text with its baseline at {@code baseline}; bold is simulated by stroking the outline (CJK fonts ship one weight). */
    void text(String text, float x, float baseline, float size, boolean bold) {
        if (ArabicShaper.containsArabicScript(text)) {
            shapedText(text, x, baseline, size, bold);
            return;
        }
        if (MongolianShaper.containsMongolian(text)) {
            // Where a line must stay horizontal (a table cell), Mongolian is shaped and drawn turned to the left,
            // as a horizontal Mongolian line is printed; blocks of Mongolian go in columns (mongolianColumns).
            for (ScriptShaper.Run r : mongolian().shaper().shape(text)) {
                if (r.covered()) {
                    try {
                        content.saveGraphicsState();
                        content.transform(Matrix.getTranslateInstance(x, baseline));
                        content.drawForm(ShapedGlyphs.form(doc, mongolianPdf(), r, size, bold));
                        content.restoreGraphicsState();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    x += r.width() * size;
                } else {
                    cjkText(cjk.printable(r.text()), x, baseline, size, bold);
                    x += cjkWidth(cjk.printable(r.text()), size);
                }
            }
            return;
        }
        cjkText(text, x, baseline, size, bold);
    }

    /**
     * A line with Uyghur in it: its runs in visual order, each Uyghur run as the glyphs the shaper chose (PDFBox
     * would draw the letters unjoined and in logical order), the rest in the CJK font.
     */
    private void shapedText(String text, float x, float baseline, float size, boolean bold) {
        float cx = x;
        for (ScriptShaper.Run r : arabic().shaper().shape(text)) {
            if (!r.covered()) {
                cjkText(r.text(), cx, baseline, size, bold);
                cx += cjkWidth(r.text(), size);
                continue;
            }
            PDFormXObject glyphs = ShapedGlyphs.form(doc, arabicPdf(), r, size * ARABIC_SCALE, bold);
            try {
                content.saveGraphicsState();
                content.transform(Matrix.getTranslateInstance(cx, baseline));
                content.drawForm(glyphs);
                content.restoreGraphicsState();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cx += r.width() * size * ARABIC_SCALE;
        }
    }

    private ShapingFont arabic() {
        if (arabic == null) {
            arabic = ShapingFont.uyghur();
        }
        return arabic;
    }

    private ShapingFont mongolian() {
        if (mongolian == null) {
            mongolian = ShapingFont.mongolian();
        }
        return mongolian;
    }

    private PDType0Font mongolianPdf() {
        if (mongolianPdf == null) {
            mongolianPdf = mongolian().embedIn(doc);
        }
        return mongolianPdf;
    }

    /** Space between two words of a column, in ems. */
    private static final float WORD_GAP_EM = 0.3f;

    /**
     * Mongolian as it is written and printed: top to bottom, the columns left to right from the left margin, each
     * word shaped ({@link MongolianShaper}: PDFBox would draw the letters unjoined) and drawn as its glyphs turned
     * 90° clockwise; a column takes words up to {@code maxColumn} points (a longer word gets a column of its own),
     * and digits or Chinese inside are turned with it in the CJK font. Draws from the cursor down and moves it
     * below the longest column.
     *
     * @param pitch the distance between two columns' baselines (the line height of the horizontal text)
     */
    void mongolianColumns(String text, float size, float pitch, float maxColumn, boolean bold) {
        ScriptShaper shaper = mongolian().shaper();
        List<List<List<ScriptShaper.Run>>> columns = new ArrayList<>();
        List<List<ScriptShaper.Run>> column = new ArrayList<>();
        float used = 0;
        float longest = 0;
        for (String word : text.strip().split(" +")) {
            List<ScriptShaper.Run> runs = shaper.shape(word);
            float len = runsLength(runs, size);
            float gap = column.isEmpty() ? 0 : WORD_GAP_EM * size;
            if (!column.isEmpty() && used + gap + len > maxColumn) {
                columns.add(column);
                column = new ArrayList<>();
                used = len;
            } else {
                used += gap + len;
            }
            column.add(runs);
            longest = Math.max(longest, used);
        }
        if (!column.isEmpty()) {
            columns.add(column);
        }
        ensureSpace(longest);
        float top = y;
        for (int c = 0; c < columns.size(); c++) {
            // The glyphs' tops face right: the baseline lies in the column's left part, the letters reach right.
            float baselineX = left() + c * pitch + pitch * 0.3f;
            float u = 0;
            for (List<ScriptShaper.Run> word : columns.get(c)) {
                for (ScriptShaper.Run r : word) {
                    drawTurned(r, baselineX, top, u, size, bold);
                    u += r.covered() ? r.width() * size : cjkWidth(r.text(), size);
                }
                u += WORD_GAP_EM * size;
            }
        }
        down(longest);
    }

    private float runsLength(List<ScriptShaper.Run> runs, float size) {
        float len = 0;
        for (ScriptShaper.Run r : runs) {
            len += r.covered() ? r.width() * size : cjkWidth(r.text(), size);
        }
        return len;
    }

    /** One run, {@code u} points down the column from {@code top}, turned 90° clockwise about its baseline. */
    private void drawTurned(ScriptShaper.Run r, float baselineX, float top, float u, float size, boolean bold) {
        try {
            content.saveGraphicsState();
            // (along, up) of the text → (baselineX + up, top − along): turned a quarter clockwise.
            content.transform(new Matrix(0, -1, 1, 0, baselineX, top - u));
            if (r.covered()) {
                content.drawForm(ShapedGlyphs.form(doc, mongolianPdf(), r, size, bold));
            } else {
                cjkText(cjk.printable(r.text()), 0, 0, size, bold);
            }
            content.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDType0Font arabicPdf() {
        if (arabicPdf == null) {
            arabicPdf = arabic().embedIn(doc);
        }
        return arabicPdf;
    }

    private void cjkText(String text, float x, float baseline, float size, boolean bold) {
        try {
            content.beginText();
            content.setFont(font, size);
            if (bold) {
                content.setRenderingMode(RenderingMode.FILL_STROKE);
                content.setLineWidth(size * 0.035f);
            }
            content.newLineAtOffset(x, baseline);
            content.showText(text);
            if (bold) {
                content.setRenderingMode(RenderingMode.FILL);
            }
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void line(float x1, float y1, float x2, float y2, float lineWidth, boolean dashed) {
        try {
            content.setLineWidth(lineWidth);
            content.setLineDashPattern(dashed ? new float[] {3, 2} : new float[0], 0);
            content.moveTo(x1, y1);
            content.lineTo(x2, y2);
            content.stroke();
            content.setLineDashPattern(new float[0], 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void rect(float x, float yBottom, float w, float h, Color fill, float border) {
        try {
            if (fill != null) {
                content.setNonStrokingColor(fill);
                content.addRect(x, yBottom, w, h);
                content.fill();
                content.setNonStrokingColor(Color.BLACK);
            }
            if (border > 0) {
                content.setLineWidth(border);
                content.addRect(x, yBottom, w, h);
                content.stroke();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fills cells of a grid of {@code unit}-point squares whose origin is ({@code x}, {@code yBottom}); each cell
     * is {column, row, columns wide, rows high}, row 0 at the bottom. Written under one scaling transform, so
     * each of a QR code's hundreds of rectangles is a few small integers in the page content rather than four
     * decimals: less to format now and fewer bytes in the file.
     */
    void fillCells(float x, float yBottom, float unit, List<int[]> cells) {
        try {
            content.saveGraphicsState();
            content.transform(new Matrix(unit, 0, 0, unit, x, yBottom));
            for (int[] c : cells) {
                content.addRect(c[0], c[1], c[2], c[3]);
            }
            content.fill();
            content.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void image(PDImageXObject image, float x, float yBottom, float w, float h) {
        try {
            content.drawImage(image, x, yBottom, w, h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image object for {@code image} in this document: an image drawn twice is stored once. */
    PDImageXObject embed(EncodedImage image) {
        return images.computeIfAbsent(image, i -> i.addTo(doc));
    }

    private void closeContent() {
        if (content != null) {
            try {
                content.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            content = null;
        }
    }

    @Override
    public void close() {
        closeContent();
    }
}
