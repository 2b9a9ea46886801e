package org.govkiosk.print.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.govkiosk.print.Samples;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.template.TemplateRepository;
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
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates);
        try (Stream<Path> shipped = Files.list(Samples.templatesDir())) {
            for (Path f : shipped.toList()) {
                Files.copy(f, templates.resolve(f.getFileName()));
            }
        }
        Files.copy(Path.of("src/test/resources/templates-mn/acceptance-receipt.yaml"),
                templates.resolve("acceptance-receipt.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Document doc = TemplateRepository.load(templates).fill(Samples.receipt());
        byte[] bytes = new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM80)).render(doc);
        List<EscPosReader.Op> ops = EscPosReader.read(bytes);
        images = EscPosReader.images(ops);
        textLines = EscPosReader.lines(ops);
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
        BufferedImage printed = decode(images.get(0));
        BufferedImage expected = textLayout(HEADING, printed.getWidth(), printed.getHeight(),
                RasterText.NORMAL_DOTS * 2, false);
        Path out = Path.of("target", "mongolian-receipt-heading.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(printed, "png", out.toFile());
        // Drawn turned: the picture is taller than the words' line is high.
        assertThat(printed.getHeight()).isGreaterThan(RasterText.NORMAL_DOTS * 4);
        assertThat(overlap(printed, expected)).as("ink shared with the JDK's layout of \"%s\"", HEADING)
                .isGreaterThan(0.9);
    }

    /** The check can fail: the letters set one by one (isolated forms) do not match the printed heading. */
    @Test
    void lettersSetAloneDoNotMatchThePrintedHeading() throws IOException {
        BufferedImage printed = decode(images.get(0));
        BufferedImage alone = textLayout(HEADING, printed.getWidth(), printed.getHeight(),
                RasterText.NORMAL_DOTS * 2, true);
        assertThat(overlap(printed, alone)).isLessThan(0.75);
    }

    private static BufferedImage decode(EscPosReader.Raster r) {
        BufferedImage image = new BufferedImage(r.widthBytes() * 8, r.heightDots(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < r.heightDots(); y++) {
            for (int x = 0; x < r.widthBytes() * 8; x++) {
                boolean dot = (r.bits()[y * r.widthBytes() + x / 8] & (0x80 >> (x % 8))) != 0;
                image.setRGB(x, y, dot ? 0 : 0xFFFFFF);
            }
        }
        return image;
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
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
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
    private static double overlap(BufferedImage a, BufferedImage b) {
        long both = 0;
        long either = 0;
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++) {
            for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x++) {
                boolean ia = (a.getRGB(x, y) & 0xFFFFFF) == 0;
                boolean ib = (b.getRGB(x, y) & 0xFFFFFF) == 0;
                both += ia && ib ? 1 : 0;
                either += ia || ib ? 1 : 0;
            }
        }
        return either == 0 ? 0 : (double) both / either;
    }
}
