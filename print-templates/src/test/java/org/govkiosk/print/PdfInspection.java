package org.govkiosk.print;

import com.google.zxing.NotFoundException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.govkiosk.device.internal.driver.camera.DecodedCode;
import org.govkiosk.device.internal.driver.camera.QrImageDecoder;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Reads a rendered PDF back the way a reader would: text, fonts, glyph positions, QR codes on the page. */
public final class PdfInspection {

    public record Glyph(String text, float x, float y, float width, int page) {
    }

    public record EmbeddedFont(String name, String subtype, boolean embeddedFile, long fileLength) {
    }

    private PdfInspection() {
    }

    public static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every glyph with its position in PDF text space (x from the left edge, y from the top). */
    public static List<Glyph> glyphs(byte[] pdf) {
        List<Glyph> glyphs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        glyphs.add(new Glyph(p.getUnicode(), p.getXDirAdj(), p.getYDirAdj(), p.getWidthDirAdj(),
                                getCurrentPageNo()));
                    }
                }
            };
            stripper.setSortByPosition(true);
            stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return glyphs;
    }

    public static List<EmbeddedFont> fonts(byte[] pdf) {
        List<EmbeddedFont> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources res = page.getResources();
                for (COSName name : res.getFontNames()) {
                    PDFont font = res.getFont(name);
                    var descriptor = font instanceof org.apache.pdfbox.pdmodel.font.PDType0Font t0
                            ? t0.getDescendantFont().getFontDescriptor() : font.getFontDescriptor();
                    var file = descriptor == null ? null : descriptor.getFontFile2();
                    fonts.add(new EmbeddedFont(font.getName(), font.getSubType(), file != null,
                            file == null ? 0 : file.toByteArray().length));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fonts;
    }

    public static int pageCount(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage renderPage(byte[] pdf, int page, float dpi) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(page, dpi, ImageType.RGB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The QR code on the image, read the way the terminal reads a camera frame ({@link QrImageDecoder}). ZXing's
     * single-code reader alone misses about one code in forty on a whole rendered page (a wrong finder-pattern
     * triple among the text, or a version misjudged from a fractional module size), so tests that sign with a
     * fresh key each run failed now and then on codes that any scanner reads.
     */
    public static String decodeQr(BufferedImage image) throws NotFoundException {
        List<DecodedCode> codes = new QrImageDecoder().decode(image);
        if (codes.size() != 1) {
            throw NotFoundException.getNotFoundInstance();
        }
        return codes.get(0).text();
    }

    /** pdftotext's output (poppler), or null when it is not installed. */
    public static String pdftotext(byte[] pdf, Path dir) throws IOException, InterruptedException {
        if (!Samples.onPath("pdftotext")) {
            return null;
        }
        Path file = Files.write(dir.resolve("doc.pdf"), pdf);
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("pdftotext failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
