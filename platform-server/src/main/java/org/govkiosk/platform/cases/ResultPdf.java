package org.govkiosk.platform.cases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.govkiosk.print.pdf.CjkFont;

/**
 * An A4 PDF of plain text lines, made with PDFBox, the CJK font embedded as a subset so the page prints the same
 * on any reader or printer driver, with or without Chinese fonts of its own. Long lines wrap to the text width;
 * a page that fills up continues on the next one.
 */
final class ResultPdf {

    /** How a line sits on the page. */
    enum Align { LEFT, CENTER, RIGHT }

    /** One line as given; it may wrap into several. */
    record Line(String text, float size, Align align, float gapAfter) {
    }

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 72f;
    private static final float TEXT_WIDTH = PAGE.getWidth() - 2 * MARGIN;
    /** Wrapped continuation lines start indented by two ideographic spaces, as Chinese paragraphs do. */
    private static final String INDENT = "　　";

    private final CjkFont font;
    private final List<Line> lines = new ArrayList<>();

    ResultPdf(CjkFont font) {
        this.font = font;
    }

    ResultPdf add(String text, float size, Align align, float gapAfter) {
        lines.add(new Line(text, size, align, gapAfter));
        return this;
    }

    byte[] toBytes() {
        // FontBox reads glyphs from one shared file handle: one document at a time per font.
        synchronized (font.lock()) {
            try (PDDocument doc = new PDDocument()) {
                doc.getDocumentInformation().setTitle("办结证明");
                PDType0Font pdfFont = font.embedIn(doc);
                layOut(doc, pdfFont);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the result document", e);
            }
        }
    }

    private void layOut(PDDocument doc, PDType0Font pdfFont) throws IOException {
        PDPageContentStream content = newPage(doc);
        float y = PAGE.getHeight() - MARGIN;
        try {
            for (Line line : lines) {
                List<String> parts = wrap(font.printable(line.text()), line.size(), pdfFont);
                for (int i = 0; i < parts.size(); i++) {
                    y -= line.size() * 1.5f;
                    if (y < MARGIN) {
                        content.close();
                        content = newPage(doc);
                        y = PAGE.getHeight() - MARGIN - line.size() * 1.5f;
                    }
                    String part = parts.get(i);
                    float width = width(part, line.size(), pdfFont);
                    float x = switch (line.align()) {
                        case LEFT -> MARGIN;
                        case CENTER -> (PAGE.getWidth() - width) / 2;
                        case RIGHT -> PAGE.getWidth() - MARGIN - width;
                    };
                    content.beginText();
                    content.setFont(pdfFont, line.size());
                    content.newLineAtOffset(x, y);
                    content.showText(part);
                    content.endText();
                }
                y -= line.gapAfter();
            }
        } finally {
            content.close();
        }
    }

    private static PDPageContentStream newPage(PDDocument doc) throws IOException {
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        return new PDPageContentStream(doc, page);
    }

    /** Breaks by character (Chinese has no spaces between words) where the next one would pass the margin. */
    private static List<String> wrap(String text, float size, PDType0Font pdfFont) throws IOException {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        float used = 0;
        float indentWidth = width(INDENT, size, pdfFont);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            float w = width(ch, size, pdfFont);
            if (used + w > TEXT_WIDTH && current.length() > 0) {
                parts.add(current.toString());
                current.setLength(0);
                current.append(INDENT);
                used = indentWidth;
            }
            current.append(ch);
            used += w;
            i += Character.charCount(cp);
        }
        parts.add(current.toString());
        return parts;
    }

    private static float width(String text, float size, PDType0Font pdfFont) throws IOException {
        return pdfFont.getStringWidth(text) / 1000f * size;
    }
}
