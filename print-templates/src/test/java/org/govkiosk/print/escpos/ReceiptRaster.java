package org.govkiosk.print.escpos;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.govkiosk.print.Samples;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.template.TemplateRepository;

/**
 * What the Uyghur and Mongolian receipt tests share: a receipt printed from the shipped templates with one
 * language's acceptance receipt in place of the shipped one, its pictures decoded back to images, the JDK's own
 * layout drawn on a like canvas, and the ink two images share.
 */
final class ReceiptRaster {

    /** The printed receipt: its GS v 0 pictures and its text lines. */
    record Printed(List<EscPosReader.Raster> images, List<String> textLines) {
    }

    private ReceiptRaster() {
    }

    /** Prints the sample receipt on 80 mm paper with {@code acceptanceReceipt} (a test template) as its template. */
    static Printed print(Path dir, Path acceptanceReceipt) throws IOException {
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates);
        try (Stream<Path> shipped = Files.list(Samples.templatesDir())) {
            for (Path f : shipped.toList()) {
                Files.copy(f, templates.resolve(f.getFileName()));
            }
        }
        Files.copy(acceptanceReceipt, templates.resolve("acceptance-receipt.yaml"), StandardCopyOption.REPLACE_EXISTING);
        Document doc = TemplateRepository.load(templates).fill(Samples.receipt());
        byte[] bytes = new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM80)).render(doc);
        List<EscPosReader.Op> ops = EscPosReader.read(bytes);
        return new Printed(EscPosReader.images(ops), EscPosReader.lines(ops));
    }

    /** A printed picture as an image: black dots on white. */
    static BufferedImage decode(EscPosReader.Raster r) {
        BufferedImage image = new BufferedImage(r.widthBytes() * 8, r.heightDots(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < r.heightDots(); y++) {
            for (int x = 0; x < r.widthBytes() * 8; x++) {
                boolean dot = (r.bits()[y * r.widthBytes() + x / 8] & (0x80 >> (x % 8))) != 0;
                image.setRGB(x, y, dot ? 0 : 0xFFFFFF);
            }
        }
        return image;
    }

    /** A white canvas of {@code image}'s size to draw black text on as the printer does: no antialiasing. */
    static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

    /** Black dots in both over black dots in either (1 the same ink, 0 none shared). */
    static double overlap(BufferedImage a, BufferedImage b) {
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
