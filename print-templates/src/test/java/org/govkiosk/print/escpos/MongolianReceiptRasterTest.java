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
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.govkiosk.print.Samples;
import org.govkiosk.print.text.MongolianShaper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Mongolian + Chinese acceptance receipt on a receipt printer: its fonts have no Mongolian, so each Mongolian
 * block is one GS v 0 picture of its columns (top to bottom, left to right). The heading's picture, decoded back
 * from the bytes, is compared with the words as java.awt.font.TextLayout sets them (its own shaping), turned and
 * placed in the same columns; and with the letters set one by one, which must not match.
 */
class MongolianReceiptRasterTest {

    private static final String HEADING = "ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠲᠠᠰᠤᠯᠪᠤᠷᠢ";
    private static List<EscPosReader.Raster> images;
    private static List<String> textLines;

    @BeforeAll
    static void render(@TempDir Path dir) throws IOException {
        assertThat(MongolianShaper.DEFAULT_FILE).as(MongolianShaper.HOW_TO_FIX).isReadable();
        ReceiptRaster.Printed printed = ReceiptRaster.print(dir,
                Path.of("src/test/resources/templates-mn/acceptance-receipt.yaml"));
        images = printed.images();
        textLines = printed.textLines();
    }

    @Test
    void mongolianBlocksArePicturesAndChineseStaysText() {
        assertThat(images).as("Mongolian blocks as GS v 0 images").hasSize(3)
                .allSatisfy(r -> assertThat(r.widthBytes() * 8).isEqualTo(ReceiptPaper.MM80.dots()));
        // The paragraph runs to more than one column: its picture is as tall as a column, not as the whole text.
        assertThat(images.get(1).heightDots()).isLessThanOrEqualTo(EscPosRenderer.MONGOLIAN_COLUMN_DOTS
                + RasterText.MARGIN_DOTS);
        assertThat(String.join("\n", textLines)).contains("受理回执").contains(Samples.CASE_NUMBER)
                .doesNotContainPattern("\\p{IsMongolian}");
    }

    @Test
    void theHeadingRendersBackAsTheJdkLaysItOutTurned() throws IOException {
        BufferedImage printed = ReceiptRaster.decode(images.get(0));
        BufferedImage expected = textLayout(HEADING, printed.getWidth(), printed.getHeight(),
                RasterText.NORMAL_DOTS * 2, false);
        Path out = Path.of("target", "mongolian-receipt-heading.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(printed, "png", out.toFile());
        // Drawn turned: the picture is taller than the words' line is high.
        assertThat(printed.getHeight()).isGreaterThan(RasterText.NORMAL_DOTS * 4);
        assertThat(ReceiptRaster.overlap(printed, expected)).as("ink shared with the JDK's layout of \"%s\"", HEADING)
                .isGreaterThan(0.9);
    }

    /** The check can fail: the letters set one by one (isolated forms) do not match the printed heading. */
    @Test
    void lettersSetAloneDoNotMatchThePrintedHeading() throws IOException {
        BufferedImage printed = ReceiptRaster.decode(images.get(0));
        BufferedImage alone = textLayout(HEADING, printed.getWidth(), printed.getHeight(),
                RasterText.NORMAL_DOTS * 2, true);
        assertThat(ReceiptRaster.overlap(printed, alone)).isLessThan(0.75);
    }

    /**
     * The words as TextLayout sets them, each turned a quarter clockwise, in columns of at most
     * {@link EscPosRenderer#MONGOLIAN_COLUMN_DOTS} (a gap of 0.3 em between words), 1.5 sizes apart, bold (struck
     * twice) as a heading is.
     */
    private static BufferedImage textLayout(String text, int width, int height, int size, boolean alone)
            throws IOException {
        Font font = MongolianShaper.configured().font(size);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ReceiptRaster.canvas(image);
        FontRenderContext frc = g.getFontRenderContext();
        int pitch = Math.round(size * 1.5f);
        List<List<TextLayout>> columns = new ArrayList<>();
        List<TextLayout> column = new ArrayList<>();
        float used = 0;
        for (String word : text.split(" ")) {
            List<TextLayout> parts = new ArrayList<>();
            if (alone) {
                word.codePoints().forEach(cp -> parts.add(new TextLayout(new String(Character.toChars(cp)), font,
                        frc)));
            } else {
                parts.add(new TextLayout(word, font, frc));
            }
            float len = (float) parts.stream().mapToDouble(TextLayout::getAdvance).sum();
            float gap = column.isEmpty() ? 0 : 0.3f * size;
            if (!column.isEmpty() && used + gap + len > EscPosRenderer.MONGOLIAN_COLUMN_DOTS) {
                columns.add(column);
                column = new ArrayList<>();
                used = len;
            } else {
                used += gap + len;
            }
            column.addAll(parts);
            column.add(null); // end of a word
        }
        columns.add(column);
        for (int c = 0; c < columns.size(); c++) {
            java.awt.geom.AffineTransform saved = g.getTransform();
            g.translate(RasterText.MARGIN_DOTS + c * pitch + pitch * 0.3, 0);
            g.rotate(Math.PI / 2);
            float u = 0;
            for (TextLayout part : columns.get(c)) {
                if (part == null) {
                    u += 0.3f * size;
                    continue;
                }
                part.draw(g, u, 0);
                part.draw(g, u, 1);
                u += part.getAdvance();
            }
            g.setTransform(saved);
        }
        g.dispose();
        return image;
    }

    /** Inked dots in both images over inked dots in either (intersection over union). */
}
