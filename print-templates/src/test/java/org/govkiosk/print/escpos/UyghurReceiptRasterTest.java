package org.govkiosk.print.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.govkiosk.print.Samples;
import org.govkiosk.print.text.ArabicShaper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bilingual acceptance receipt on an 80 mm receipt printer: Uyghur lines leave as raster images (GS v 0), and
 * each is checked by rendering back: its dots are decoded from the printer bytes and compared with the same line
 * laid out by the JDK's own TextLayout (its bidirectional algorithm and shaping, not the renderer's run logic).
 */
class UyghurReceiptRasterTest {

    private static final String HEADING = "قوبۇل قىلىش تالونى";
    private static List<EscPosReader.Raster> images;
    private static List<String> textLines;

    @BeforeAll
    static void render(@TempDir Path dir) throws IOException {
        ReceiptRaster.Printed printed = ReceiptRaster.print(dir,
                Path.of("src/test/resources/templates-ug/acceptance-receipt.yaml"));
        images = printed.images();
        textLines = printed.textLines();
    }

    @Test
    void uyghurLinesArePicturesAndChineseStaysText() {
        assertThat(images).as("Uyghur lines as GS v 0 images").hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(r -> assertThat(r.widthBytes() * 8).isEqualTo(ReceiptPaper.MM80.dots()));
        assertThat(String.join("\n", textLines)).contains("受理回执").contains(Samples.CASE_NUMBER)
                .doesNotContainPattern("\\p{IsArabic}");
    }

    @Test
    void theHeadingRendersBackAsTheJdkLaysItOut() throws IOException {
        // The first picture is the heading (the hall's name above it is Chinese, printed as text).
        BufferedImage printed = ReceiptRaster.decode(images.get(0));
        BufferedImage expected = textLayout(HEADING, printed.getWidth(), printed.getHeight(),
                RasterText.NORMAL_DOTS * 2, false);
        Path out = Path.of("target", "uyghur-receipt-heading.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(printed, "png", out.toFile());
        assertThat(ReceiptRaster.overlap(printed, expected)).as("ink shared with the JDK's layout of \"%s\"", HEADING)
                .isGreaterThan(0.9);
    }

    /** The check can fail: the letters drawn one by one (unjoined), right to left, do not match the printed line. */
    @Test
    void unjoinedLettersDoNotMatchThePrintedLine() throws IOException {
        BufferedImage printed = ReceiptRaster.decode(images.get(0));
        BufferedImage unjoined = textLayout(HEADING, printed.getWidth(), printed.getHeight(),
                RasterText.NORMAL_DOTS * 2, true);
        assertThat(ReceiptRaster.overlap(printed, unjoined)).isLessThan(0.75);
    }

    /** The line as java.awt.font.TextLayout sets it, right-aligned, same font, size and baseline. */
    private static BufferedImage textLayout(String text, int width, int height, int size, boolean unjoined)
            throws IOException {
        Font font = ArabicShaper.configured().font(size);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ReceiptRaster.canvas(image);
        FontRenderContext frc = g.getFontRenderContext();
        float baseline = size * 1.1f;
        if (unjoined) {
            float x = width - RasterText.MARGIN_DOTS;
            for (int i = 0; i < text.length(); i++) {
                TextLayout letter = new TextLayout(text.substring(i, i + 1), font, frc);
                x -= letter.getAdvance();
                letter.draw(g, x, baseline);
                letter.draw(g, x + 1, baseline);
            }
        } else {
            TextLayout layout = new TextLayout(text, font, frc);
            float x = width - RasterText.MARGIN_DOTS - layout.getAdvance();
            layout.draw(g, x, baseline);
            layout.draw(g, x + 1, baseline); // a heading is bold: struck twice

        }
        g.dispose();
        return image;
    }

    /** Inked dots in both images over inked dots in either (intersection over union). */
}
