package org.govkiosk.app.scan;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.govkiosk.api.Attachment;

/**
 * Turns a document camera's picture into a page the platform accepts: a JPEG of at most
 * {@link Attachment#MAX_BYTES}, scaled so its long edge is at most {@link #MAX_LONG_EDGE} pixels (about 200 dpi on
 * A4: readable, not print quality). Re-encoding also drops whatever metadata the camera wrote into its file.
 */
public final class PageEncoder {

    public static final int MAX_LONG_EDGE = 2300;
    private static final float[] QUALITIES = {0.8f, 0.65f, 0.5f, 0.35f};

    private PageEncoder() {
    }

    /** @throws ScanFailedException when even the smallest rendering is too large */
    public static Attachment encode(BufferedImage picture) {
        BufferedImage page = scaled(picture, MAX_LONG_EDGE);
        for (int attempt = 0; attempt < 3; attempt++) {
            for (float quality : QUALITIES) {
                byte[] jpeg = jpeg(page, quality);
                if (jpeg.length <= Attachment.MAX_BYTES) {
                    return Attachment.of("image/jpeg", jpeg);
                }
            }
            page = scaled(page, (int) (Math.max(page.getWidth(), page.getHeight()) * 0.7));
        }
        throw new ScanFailedException("apply.scan.too-large", "the page does not fit in "
                + Attachment.MAX_BYTES + " bytes even at low quality", null);
    }

    /** An RGB copy no longer than {@code longEdge} on its long side (JPEG has no alpha channel). */
    static BufferedImage scaled(BufferedImage source, int longEdge) {
        int w = source.getWidth();
        int h = source.getHeight();
        double factor = Math.min(1.0, (double) longEdge / Math.max(w, h));
        int nw = Math.max(1, (int) Math.round(w * factor));
        int nh = Math.max(1, (int) Math.round(h * factor));
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, nw, nh);
            g.drawImage(source, 0, 0, nw, nh, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a page as JPEG in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
