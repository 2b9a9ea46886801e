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
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.govkiosk.print.Samples;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.template.TemplateRepository;
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
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates);
        try (Stream<Path> shipped = Files.list(Samples.templatesDir())) {
            for (Path f : shipped.toList()) {
                Files.copy(f, templates.resolve(f.getFileName()));
            }
        }
        Files.copy(Path.of("src/test/resources/templates-ug/acceptance-receipt.yaml"),
                templates.resolve("acceptance-receipt.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Document doc = TemplateRepository.load(templates).fill(Samples.receipt());
        byte[] bytes = new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM80)).render(doc);
        List<EscPosReader.Op> ops = EscPosReader.read(bytes);
        images = EscPosReader.images(ops);
        textLines = EscPosReader.lines(ops);
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
        BufferedImage printed = decode(images.get(0));
        BufferedImage expected = textLayout(HEADING, printed.getWidth(), printed.getHeight(),
                RasterText.NORMAL_DOTS * 2, false);
        Path out = Path.of("target", "uyghur-receipt-heading.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(printed, "png", out.toFile());
        assertThat(overlap(printed, expected)).as("ink shared with the JDK's layout of \"%s\"", HEADING)
                .isGreaterThan(0.9);
    }

    /** The check can fail: the letters drawn one by one (unjoined), right to left, do not match the printed line. */
    @Test
    void unjoinedLettersDoNotMatchThePrintedLine() throws IOException {
        BufferedImage printed = decode(images.get(0));
        BufferedImage unjoined = textLayout(HEADING, printed.getWidth(), printed.getHeight(),
                RasterText.NORMAL_DOTS * 2, true);
        assertThat(overlap(printed, unjoined)).isLessThan(0.75);
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

    /** The line as java.awt.font.TextLayout sets it, right-aligned, same font, size and baseline. */
    private static BufferedImage textLayout(String text, int width, int height, int size, boolean unjoined)
            throws IOException {
        Font font = ArabicShaper.configured().font(size);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
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
