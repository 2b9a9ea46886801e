package org.govkiosk.print.seal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.govkiosk.print.model.ImageData;
import org.govkiosk.print.pdf.FontLocator;
import org.govkiosk.print.pdf.FontSource;

/**
 * Draws a round red seal for demos and tests: name on the upper arc, a star, and a line below that says it is a
 * demo (演示专用章), so it can never pass for a department's real seal. A real terminal uses the seal image
 * the department issues.
 * {@code java -cp ... org.govkiosk.print.seal.DemoSealGenerator OUT.png [NAME]} writes one.
 */
public final class DemoSealGenerator {

    public static final String DEFAULT_NAME = "示例市政务服务管理局";
    private static final Color SEAL_RED = new Color(0xD8, 0x1E, 0x1E, 0xE6);
    private static final int SIDE = 480;

    private DemoSealGenerator() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        if (args.length < 1) {
            System.err.println("usage: DemoSealGenerator OUT.png [NAME]");
            System.exit(64);
        }
        ImageData seal = draw(args.length > 1 ? args[1] : DEFAULT_NAME, FontLocator.system().locate());
        Files.write(Path.of(args[0]), seal.bytes());
    }

    /**
     * A PNG with a transparent background, {@value #SIDE} pixels square (300 dpi at the 40 mm a certificate
     * prints it). The shapes are drawn as coverage first and then given one colour, so every visible pixel is
     * exactly the seal red and only the opacity varies: anti-aliasing straight onto a transparent image leaves
     * dozens of rounding shades of red, which cost a PDF a palette and a third more bytes for nothing visible.
     */
    public static ImageData draw(String name, FontSource fontSource) {
        Font base = awtFont(fontSource);
        BufferedImage coverage = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = coverage.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            float c = SIDE / 2f;
            g.setStroke(new BasicStroke(14f));
            g.drawOval(14, 14, SIDE - 28, SIDE - 28);
            g.fill(star(c, c, 62));
            arcText(g, name, base.deriveFont(Font.BOLD, 52f), c, c, SIDE / 2f - 70);
            Font line = base.deriveFont(Font.BOLD, 34f);
            g.setFont(line);
            FontMetrics m = g.getFontMetrics();
            String below = "演示专用章";
            g.drawString(below, c - m.stringWidth(below) / 2f, c + 105);
        } finally {
            g.dispose();
        }
        BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_ARGB);
        Raster cov = coverage.getRaster();
        int rgb = SEAL_RED.getRGB() & 0xFFFFFF;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int alpha = (cov.getSample(x, y, 0) * SEAL_RED.getAlpha() + 127) / 255;
                img.setRGB(x, y, alpha << 24 | rgb); // one colour under clear pixels too: the PNG deflates better
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ImageData(png.toByteArray());
    }

    /** Characters upright toward the rim, spread over the upper arc from lower left to lower right. */
    private static void arcText(Graphics2D g, String text, Font font, float cx, float cy, float radius) {
        int[] cps = text.codePoints().toArray();
        double span = Math.toRadians(Math.min(220, 22.0 * cps.length));
        double start = -Math.PI / 2 - span / 2;
        double step = cps.length > 1 ? span / (cps.length - 1) : 0;
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        AffineTransform saved = g.getTransform();
        for (int i = 0; i < cps.length; i++) {
            double a = start + i * step;
            String ch = new String(Character.toChars(cps[i]));
            g.setTransform(saved);
            g.translate(cx + radius * Math.cos(a), cy + radius * Math.sin(a));
            g.rotate(a + Math.PI / 2);
            g.drawString(ch, -m.stringWidth(ch) / 2f, m.getAscent() / 2f - 4);
        }
        g.setTransform(saved);
    }

    private static Path2D star(float cx, float cy, float r) {
        Path2D p = new Path2D.Float();
        for (int i = 0; i < 10; i++) {
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double rr = i % 2 == 0 ? r : r * 0.382;
            double x = cx + rr * Math.cos(a);
            double y = cy + rr * Math.sin(a);
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }

    private static Font awtFont(FontSource source) {
        try {
            Font[] faces = Font.createFonts(source.file().toFile());
            Optional<Font> face = Arrays.stream(faces).filter(f -> f.getPSName().equals(source.faceName()))
                    .findFirst();
            return face.orElse(faces[0]);
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("cannot load " + source.file() + " for the demo seal", e);
        }
    }
}
