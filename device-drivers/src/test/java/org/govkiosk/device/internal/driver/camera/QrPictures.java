package org.govkiosk.device.internal.driver.camera;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/** Camera-like pictures of QR codes made with ZXing's own writer: placed, turned, inverted, noisy. */
public final class QrPictures {

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;

    private final BufferedImage canvas;

    private QrPictures(int width, int height) {
        canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        // A desk under a document camera is light grey, not paper white.
        g.setColor(new Color(0xD8, 0xD8, 0xD0));
        g.fillRect(0, 0, width, height);
        g.dispose();
    }

    /** A 1280×720 frame, the size of a common document camera's preview. */
    public static QrPictures frame() {
        return new QrPictures(WIDTH, HEIGHT);
    }

    public static QrPictures frame(int width, int height) {
        return new QrPictures(width, height);
    }

    /** The code's matrix as black modules on white with a quiet zone, {@code modulePixels} per module. */
    public static BufferedImage code(String text, int modulePixels) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 4));
            BufferedImage img = new BufferedImage(m.getWidth() * modulePixels, m.getHeight() * modulePixels,
                    BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, m.get(x / modulePixels, y / modulePixels) ? 0x101010 : 0xF8F8F8);
                }
            }
            return img;
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Draws the code centred at (cx, cy), turned by {@code degrees} clockwise. */
    public QrPictures with(String text, int modulePixels, int cx, int cy, double degrees) {
        BufferedImage code = code(text, modulePixels);
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = new AffineTransform();
        t.translate(cx, cy);
        t.rotate(Math.toRadians(degrees));
        t.translate(-code.getWidth() / 2.0, -code.getHeight() / 2.0);
        g.drawImage(code, t, null);
        g.dispose();
        return this;
    }

    public QrPictures with(String text, double degrees) {
        return with(text, 6, canvas.getWidth() / 2, canvas.getHeight() / 2, degrees);
    }

    /** Light modules on dark, as a phone in dark mode shows some codes. */
    public QrPictures inverted() {
        for (int y = 0; y < canvas.getHeight(); y++) {
            for (int x = 0; x < canvas.getWidth(); x++) {
                canvas.setRGB(x, y, ~canvas.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return this;
    }

    /** Sensor noise: every channel moved by a normal deviate of {@code sigma} levels. */
    public QrPictures noise(double sigma, long seed) {
        Random r = new Random(seed);
        for (int y = 0; y < canvas.getHeight(); y++) {
            for (int x = 0; x < canvas.getWidth(); x++) {
                int p = canvas.getRGB(x, y);
                int n = (int) Math.round(r.nextGaussian() * sigma);
                int red = clamp(((p >> 16) & 0xFF) + n);
                int green = clamp(((p >> 8) & 0xFF) + n);
                int blue = clamp((p & 0xFF) + n);
                canvas.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        return this;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    public BufferedImage image() {
        return canvas;
    }

    public byte[] png() {
        return encode("png");
    }

    public byte[] jpeg() {
        return encode("jpg");
    }

    private byte[] encode(String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(canvas, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
