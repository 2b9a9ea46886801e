package org.govkiosk.bench;

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
import java.util.Map;
import java.util.Random;

/** 1280×720 document-camera-like frames with QR codes drawn by ZXing's writer, for the decode benchmark. */
final class QrFrames {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;

    private final BufferedImage canvas = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);

    QrFrames() {
        Graphics2D g = canvas.createGraphics();
        g.setColor(new Color(0xD8, 0xD8, 0xD0));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.dispose();
    }

    QrFrames code(String text, int modulePixels, int cx, int cy, double degrees) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
        BufferedImage code = new BufferedImage(m.getWidth() * modulePixels, m.getHeight() * modulePixels,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < code.getHeight(); y++) {
            for (int x = 0; x < code.getWidth(); x++) {
                code.setRGB(x, y, m.get(x / modulePixels, y / modulePixels) ? 0x101010 : 0xF8F8F8);
            }
        }
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

    /** Sensor noise, so no frame is unrealistically clean. */
    QrFrames noise(double sigma, long seed) {
        Random r = new Random(seed);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
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

    /** A page of printed-looking text lines, which has edges but no finder patterns: ZXing's hardest "no". */
    QrFrames textLines(long seed) {
        Random r = new Random(seed);
        Graphics2D g = canvas.createGraphics();
        g.setColor(new Color(0x20, 0x20, 0x20));
        for (int y = 60; y < HEIGHT - 40; y += 28) {
            for (int x = 80; x < WIDTH - 80;) {
                int w = 8 + r.nextInt(40);
                g.fillRect(x, y, w, 14);
                x += w + 6 + r.nextInt(10);
            }
        }
        g.dispose();
        return this;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    BufferedImage image() {
        return canvas;
    }
}
