package org.govkiosk.print.pdf;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.govkiosk.print.model.ImageData;
import org.govkiosk.print.pdf.EncodedImage.Colours;
import org.govkiosk.print.pdf.EncodedImage.Filter;

/**
 * Turns an image file into PDF image stream bytes, as small as a lossless encoding allows for print images:
 * a JPEG is embedded as it is (DCT); anything else is decoded and stored with a palette when it has at most 256
 * colours (a seal is one red and its anti-aliased edges), as gray or RGB otherwise, and its transparency as a
 * soft mask (1 bit when pixels are only clear or opaque). Nothing is resampled: the printed size is the
 * template's business, and a seal of 480 px over 40 mm is just 300 dpi.
 */
final class PdfImageEncoder {

    private PdfImageEncoder() {
    }

    static EncodedImage encode(ImageData image) {
        byte[] bytes = image.bytes();
        if (isJpeg(bytes)) {
            return jpeg(bytes);
        }
        return encode(image.decode());
    }

    static EncodedImage encode(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = argbPixels(image);
        boolean opaque = true;
        boolean binaryAlpha = true;
        int fill = -1; // colour given to fully clear pixels: the first visible one (white if none)
        for (int p : argb) {
            int a = p >>> 24;
            opaque &= a == 255;
            binaryAlpha &= a == 0 || a == 255;
            if (fill < 0 && a != 0) {
                fill = p & 0xFFFFFF;
            }
        }
        // The colour under a fully clear pixel is never seen: repeating the last visible colour there adds no
        // palette entry and deflates to nothing.
        int[] rgb = new int[argb.length];
        int last = fill < 0 ? 0xFFFFFF : fill;
        boolean gray = true;
        for (int i = 0; i < argb.length; i++) {
            if (argb[i] >>> 24 != 0) {
                last = argb[i] & 0xFFFFFF;
                gray &= (last >> 16 & 0xFF) == (last & 0xFF) && (last >> 8 & 0xFF) == (last & 0xFF);
            }
            rgb[i] = last;
        }
        EncodedImage mask = opaque ? null : alpha(argb, w, h, binaryAlpha ? 1 : 8);
        Map<Integer, Integer> palette = palette(rgb);
        if (palette != null && !(gray && palette.size() > 16)) {
            int bits = palette.size() <= 2 ? 1 : palette.size() <= 4 ? 2 : palette.size() <= 16 ? 4 : 8;
            int[] index = new int[rgb.length];
            for (int i = 0; i < rgb.length; i++) {
                index[i] = i > 0 && rgb[i] == rgb[i - 1] ? index[i - 1] : palette.get(rgb[i]);
            }
            byte[] table = new byte[palette.size() * 3];
            palette.forEach((colour, i) -> {
                table[i * 3] = (byte) (colour >> 16);
                table[i * 3 + 1] = (byte) (colour >> 8);
                table[i * 3 + 2] = (byte) (int) colour;
            });
            return new EncodedImage(w, h, bits, Colours.INDEXED, table, Filter.FLATE,
                    deflate(pack(index, w, h, bits)), null, mask);
        }
        if (gray) {
            int[] level = new int[rgb.length];
            for (int i = 0; i < rgb.length; i++) {
                level[i] = rgb[i] & 0xFF;
            }
            return new EncodedImage(w, h, 8, Colours.GRAY, null, Filter.FLATE, deflate(pack(level, w, h, 8)), null,
                    mask);
        }
        byte[] samples = new byte[rgb.length * 3];
        for (int i = 0; i < rgb.length; i++) {
            samples[i * 3] = (byte) (rgb[i] >> 16);
            samples[i * 3 + 1] = (byte) (rgb[i] >> 8);
            samples[i * 3 + 2] = (byte) rgb[i];
        }
        return new EncodedImage(w, h, 8, Colours.RGB, null, Filter.FLATE, deflate(samples), null, mask);
    }

    /**
     * The pixels as non-premultiplied sRGB ARGB ints. Drawn onto an INT_ARGB image rather than read with
     * {@code getRGB}, which converts pixel by pixel through the colour model and took most of the encoding time.
     */
    private static int[] argbPixels(BufferedImage image) {
        BufferedImage argb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src); // copy alpha as it is, blend nothing
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return ((DataBufferInt) argb.getRaster().getDataBuffer()).getData();
    }

    private static EncodedImage alpha(int[] argb, int w, int h, int bits) {
        int[] a = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            a[i] = bits == 1 ? argb[i] >>> 31 : argb[i] >>> 24;
        }
        return new EncodedImage(w, h, bits, Colours.GRAY, null, Filter.FLATE, deflate(pack(a, w, h, bits)), null, null);
    }

    /** Colour → palette index in order of first use, or null beyond 256 colours. */
    private static Map<Integer, Integer> palette(int[] rgb) {
        Map<Integer, Integer> palette = new LinkedHashMap<>();
        int previous = -1;
        for (int c : rgb) {
            if (c == previous) {
                continue; // runs are the common case; skip the map lookup
            }
            previous = c;
            if (palette.putIfAbsent(c, palette.size()) == null && palette.size() > 256) {
                return null;
            }
        }
        return palette;
    }

    /** Samples of {@code bits} each, rows padded to whole bytes as PDF image data is. */
    static byte[] pack(int[] samples, int w, int h, int bits) {
        int rowBytes = (w * bits + 7) / 8;
        byte[] out = new byte[rowBytes * h];
        for (int y = 0; y < h; y++) {
            int bit = y * rowBytes * 8;
            for (int x = 0; x < w; x++) {
                int v = samples[y * w + x];
                int shift = 8 - bits - (bit & 7);
                out[bit >> 3] |= (byte) (v << shift);
                bit += bits;
            }
        }
        return out;
    }

    /**
     * zlib at its default level. The best level saved 7% of the seal's soft mask (1.4 KB) for ten times the CPU
     * (40 ms instead of 4), paid by the first certificate after start.
     */
    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
            byte[] buffer = new byte[16 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static boolean isJpeg(byte[] bytes) {
        return bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF;
    }

    /** A JPEG goes in unchanged; PDFBox reads its header for size, components and the CMYK inversion. */
    private static EncodedImage jpeg(byte[] bytes) {
        try (PDDocument scratch = new PDDocument()) {
            PDImageXObject x = JPEGFactory.createFromByteArray(scratch, bytes);
            Colours colours = switch (x.getColorSpace().getNumberOfComponents()) {
                case 1 -> Colours.GRAY;
                case 3 -> Colours.RGB;
                case 4 -> Colours.CMYK;
                default -> throw new IllegalStateException("JPEG with " + x.getColorSpace().getNumberOfComponents()
                        + " colour components");
            };
            COSArray decode = x.getDecode();
            return new EncodedImage(x.getWidth(), x.getHeight(), x.getBitsPerComponent(), colours, null, Filter.DCT,
                    bytes, decode == null ? null : decode.toFloatArray(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JPEG image", e);
        }
    }
}
