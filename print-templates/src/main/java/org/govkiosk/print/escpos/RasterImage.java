package org.govkiosk.print.escpos;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** An image reduced to thermal dots: scaled to a width in dots, each pixel black or white. */
record RasterImage(byte[] bits, int widthBytes, int heightDots) {

    /**
     * Transparent pixels are paper; any pixel darker than the threshold burns a dot, so a red seal prints
     * solid rather than disappearing.
     */
    static RasterImage of(BufferedImage source, int widthDots) {
        int w = Math.max(8, widthDots);
        int h = Math.max(1, Math.round((float) source.getHeight() * w / source.getWidth()));
        BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, source.getWidth() > w
                ? RenderingHints.VALUE_INTERPOLATION_BILINEAR : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(source, 0, 0, w, h, null);
        g.dispose();
        int widthBytes = (w + 7) / 8;
        byte[] bits = new byte[widthBytes * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = scaled.getRGB(x, y);
                int alpha = argb >>> 24;
                int lum = (299 * (argb >> 16 & 0xFF) + 587 * (argb >> 8 & 0xFF) + 114 * (argb & 0xFF)) / 1000;
                if (alpha >= 128 && lum < 160) {
                    bits[y * widthBytes + x / 8] |= (byte) (0x80 >> (x % 8));
                }
            }
        }
        return new RasterImage(bits, widthBytes, h);
    }
}
