package org.govkiosk.print.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.govkiosk.print.PdfInspection;
import org.govkiosk.print.Samples;
import org.govkiosk.print.model.Align;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.model.Medium;
import org.govkiosk.print.model.TextStyle;
import org.govkiosk.print.verify.CertificateSigner;
import org.junit.jupiter.api.Test;

/** The seal on paper: where and how large it prints, and what it costs the file. */
class PdfImageRenderingTest {

    private static final CertificateSigner SIGNER = new CertificateSigner("hall-2025",
            Samples.keyPair("ed25519").getPrivate());

    @Test
    void theSealIsPressedOverTheDepartmentLinesFortyMillimetresWide() {
        byte[] pdf = new PdfRenderer(Samples.font()).render(Samples.templates().fill(Samples.certificate(SIGNER)));

        // at 72 dpi a pixel is a point
        BufferedImage page = PdfInspection.renderPage(pdf, 0, 72);
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        int minY = Integer.MAX_VALUE;
        int maxY = -1;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int p = page.getRGB(x, y);
                if ((p >> 16 & 0xFF) > 150 && (p >> 8 & 0xFF) < 110 && (p & 0xFF) < 110) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        float fortyMm = PdfPageLayout.mm(40);
        assertThat(maxX).as("red seal pixels on the page").isPositive();
        assertThat((float) (maxX - minX)).isBetween(fortyMm - 6, fortyMm + 2);
        assertThat((float) (maxY - minY)).isBetween(fortyMm - 6, fortyMm + 2);
        assertThat((minX + maxX) / 2f).as("right half of the page").isGreaterThan(PDRectangle.A4.getWidth() * 0.6f);
        // below the QR code and its caption, over the department name and date
        int departmentLine = glyphTop(pdf, "示例市市场监督管理局", 1);
        assertThat(departmentLine).isBetween(minY, maxY);
    }

    @Test
    void anImageDrawnTwiceInADocumentIsStoredOnce() throws IOException {
        Document twice = new Document("t", "两枚", Medium.A4, List.of(
                new Block.Paragraph("两枚印章", TextStyle.BODY),
                new Block.Image(Samples.seal(), 30, Align.LEFT, false),
                new Block.Image(Samples.seal(), 20, Align.RIGHT, false)));

        byte[] pdf = new PdfRenderer(Samples.font()).render(twice);

        assertThat(imageStreams(pdf)).as("one image and its soft mask").isEqualTo(2);
        assertThat(PdfInspection.renderPage(pdf, 0, 36)).isNotNull();
    }

    @Test
    void aCertificateStaysUnderSixtyKilobytes() throws IOException {
        byte[] pdf = new PdfRenderer(Samples.font()).render(Samples.templates().fill(Samples.certificate(SIGNER)));

        // issue 4's size goal; the seal used to be 53 KB of it on its own
        assertThat(pdf.length).isLessThan(60 * 1024);
        assertThat(imageStreams(pdf)).isEqualTo(2);
    }

    /** Top of the {@code occurrence}-th (0-based) glyph run spelling {@code text}, in points from the page top. */
    private static int glyphTop(byte[] pdf, String text, int occurrence) {
        List<PdfInspection.Glyph> glyphs = PdfInspection.glyphs(pdf);
        StringBuilder all = new StringBuilder();
        for (PdfInspection.Glyph g : glyphs) {
            all.append(g.text());
        }
        int at = -1;
        for (int i = 0; i <= occurrence; i++) {
            at = all.indexOf(text, at + 1);
            assertThat(at).as("occurrence %d of %s", i, text).isNotNegative();
        }
        return Math.round(glyphs.get(at).y());
    }

    private static int imageStreams(byte[] pdf) throws IOException {
        int count = 0;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSDocument cos = doc.getDocument();
            for (Map.Entry<COSObjectKey, Long> e : cos.getXrefTable().entrySet()) {
                COSBase base = cos.getObjectFromPool(e.getKey()).getObject();
                if (base instanceof COSStream s && COSName.IMAGE.equals(s.getCOSName(COSName.SUBTYPE))) {
                    count++;
                }
            }
        }
        return count;
    }
}
