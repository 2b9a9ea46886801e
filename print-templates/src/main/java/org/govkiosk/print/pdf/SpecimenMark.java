package org.govkiosk.print.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * 培训 / SPECIMEN across a page: large, grey and half transparent, corner to corner, over whatever the page holds,
 * so no part of a training terminal's paper passes for a real one. Drawn by the renderer on the pages it makes,
 * and stamped on a PDF the terminal did not make (a result document the platform issued for a practice case).
 */
public final class SpecimenMark {

    private SpecimenMark() {
    }

    /** Lays the mark across each of {@code pages} of {@code pdf}, set in {@code font} (already embedded there). */
    public static void across(PDDocument pdf, List<PDPage> pages, PDType0Font font, String text) throws IOException {
        for (PDPage page : pages) {
            PDRectangle box = page.getMediaBox();
            float diagonal = (float) Math.hypot(box.getWidth(), box.getHeight());
            float unit = font.getStringWidth(text) / 1000;
            float size = Math.min(72, diagonal * 0.7f / Math.max(unit, 1));
            float width = unit * size;
            double angle = Math.atan2(box.getHeight(), box.getWidth());
            // The line's middle on the page's middle: start half its length back along the diagonal, and half the
            // glyphs' height below it.
            float cx = box.getLowerLeftX() + box.getWidth() / 2;
            float cy = box.getLowerLeftY() + box.getHeight() / 2;
            float x = (float) (cx - Math.cos(angle) * width / 2 + Math.sin(angle) * size * 0.35f);
            float y = (float) (cy - Math.sin(angle) * width / 2 - Math.cos(angle) * size * 0.35f);
            PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
            faint.setNonStrokingAlphaConstant(0.25f);
            try (PDPageContentStream s = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                s.saveGraphicsState();
                s.setGraphicsStateParameters(faint);
                s.setNonStrokingColor(0.45f, 0.45f, 0.45f);
                s.beginText();
                s.setFont(font, size);
                s.setTextMatrix(Matrix.getRotateInstance(angle, x, y));
                s.showText(text);
                s.endText();
                s.restoreGraphicsState();
            }
        }
    }

    /**
     * {@code pdf} with the mark across every page, in {@code font}.
     *
     * @throws UncheckedIOException if {@code pdf} cannot be read as a PDF
     */
    public static byte[] stamp(byte[] pdf, CjkFont font, String text) {
        synchronized (font.lock()) {
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                List<PDPage> pages = new ArrayList<>();
                doc.getPages().forEach(pages::add);
                across(doc, pages, font.embedIn(doc), font.printable(text));
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 64 * 1024);
                doc.save(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot mark the PDF as a specimen: " + e.getMessage(), e);
            }
        }
    }
}
