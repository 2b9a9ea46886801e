package org.govkiosk.platform.cases;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a result document back with PDFBox, as the tests of the store, the HTTP API and the writer do. */
public final class ResultDocuments {

    /** A font of a page: its name in the PDF, whether its program is embedded, and whether only as a subset. */
    public record PageFont(String name, String subtype, boolean embedded, boolean subset) {
    }

    private ResultDocuments() {
    }

    /**
     * All text of the document, whitespace removed: wrapping puts breaks anywhere, and indents continuation lines
     * with ideographic spaces (U+3000), which {@code \\s} does not match.
     */
    public static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[\\s\u3000]+", "");
        }
    }

    /** Every font used on every page. */
    public static List<PageFont> fonts(byte[] pdf) throws IOException {
        List<PageFont> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    PDFontDescriptor d = font instanceof PDType0Font t0
                            ? t0.getDescendantFont().getFontDescriptor() : font.getFontDescriptor();
                    boolean embedded = d != null
                            && (d.getFontFile() != null || d.getFontFile2() != null || d.getFontFile3() != null);
                    // A subset's name starts with six capitals and a plus (ISO 32000-1, 9.6.4).
                    fonts.add(new PageFont(font.getName(), font.getSubType(), embedded,
                            font.getName().matches("[A-Z]{6}\\+.+")));
                }
            }
        }
        return fonts;
    }

    public static int pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }
}
