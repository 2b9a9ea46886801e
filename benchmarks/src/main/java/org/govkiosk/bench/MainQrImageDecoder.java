package org.govkiosk.bench;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.InvertedLuminanceSource;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govkiosk.device.internal.driver.camera.DecodedCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera decoder as it is on main before issue 19 (as of main c7b83f0), kept unchanged for the before/after
 * figures of QrReadRateBenchmark.
 *
 * <p>Finds every QR code in a camera frame with ZXing: all codes of the frame at once ({@link QRCodeMultiReader}),
 * trying harder, then on the inverted picture (light modules on dark, as some phone apps in dark mode show them),
 * then on the picture turned by 45° (the finder-pattern scan is weakest half-way between the axes). Stateless
 * apart from the reader, so one decoder per thread.
 */
final class MainQrImageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(MainQrImageDecoder.class);
    private static final Map<DecodeHintType, Object> HINTS = hints();

    private final QRCodeMultiReader reader = new QRCodeMultiReader();

    private static Map<DecodeHintType, Object> hints() {
        Map<DecodeHintType, Object> h = new EnumMap<>(DecodeHintType.class);
        h.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        h.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        return h;
    }

    /** The codes of one frame, each payload once, top to bottom then left to right; empty when there is none. */
    public List<DecodedCode> decode(BufferedImage image) {
        LuminanceSource luminance = luminance(image);
        List<DecodedCode> found = decodeBothWays(luminance);
        if (found.isEmpty()) {
            found = decodeBothWays(luminance(turned45(image)));
        }
        return found;
    }

    private List<DecodedCode> decodeBothWays(LuminanceSource luminance) {
        List<DecodedCode> found = decodeAll(luminance);
        return found.isEmpty() ? decodeAll(new InvertedLuminanceSource(luminance)) : found;
    }

    private List<DecodedCode> decodeAll(LuminanceSource luminance) {
        Result[] results;
        try {
            results = reader.decodeMultiple(new BinaryBitmap(new HybridBinarizer(luminance)), HINTS);
        } catch (NotFoundException e) {
            return List.of();
        } catch (RuntimeException e) {
            // ZXing can trip over pathological pictures; that frame has no code for us, the next one may.
            LOG.warn("QR decoding failed on a {}x{} frame: {}", luminance.getWidth(), luminance.getHeight(),
                    e.toString());
            return List.of();
        }
        Map<String, DecodedCode> byText = new LinkedHashMap<>();
        for (Result r : results) {
            byText.putIfAbsent(r.getText(), at(r));
        }
        List<DecodedCode> codes = new ArrayList<>(byText.values());
        codes.sort(Comparator.comparingInt(DecodedCode::y).thenComparingInt(DecodedCode::x));
        return codes;
    }

    private static DecodedCode at(Result r) {
        ResultPoint[] points = r.getResultPoints();
        float x = Float.MAX_VALUE;
        float y = Float.MAX_VALUE;
        for (ResultPoint p : points == null ? new ResultPoint[0] : points) {
            if (p != null) {
                x = Math.min(x, p.getX());
                y = Math.min(y, p.getY());
            }
        }
        return new DecodedCode(r.getText(), x == Float.MAX_VALUE ? 0 : (int) x, y == Float.MAX_VALUE ? 0 : (int) y);
    }

    /**
     * Grey levels straight from the pixel buffer for the layouts cameras and ImageIO give (grey, BGR, ABGR, packed
     * RGB); other layouts go through {@code getRGB}, several times slower on a 1280×720 frame.
     */
    static LuminanceSource luminance(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] grey = new byte[w * h];
        DataBuffer buffer = image.getRaster().getDataBuffer();
        boolean whole = image.getRaster().getParent() == null && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0;
        int type = whole ? image.getType() : BufferedImage.TYPE_CUSTOM;
        if (type == BufferedImage.TYPE_BYTE_GRAY && buffer instanceof DataBufferByte b && b.getData().length == w * h) {
            System.arraycopy(b.getData(), 0, grey, 0, grey.length);
        } else if ((type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR)
                && buffer instanceof DataBufferByte b) {
            int step = type == BufferedImage.TYPE_3BYTE_BGR ? 3 : 4;
            int first = step - 3; // ABGR: the alpha byte comes first
            byte[] data = b.getData();
            for (int i = 0, j = first; i < grey.length; i++, j += step) {
                boolean transparent = step == 4 && data[j - 1] == 0;
                grey[i] = transparent ? (byte) 0xFF
                        : grey(data[j + 2] & 0xFF, data[j + 1] & 0xFF, data[j] & 0xFF);
            }
        } else if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && buffer instanceof DataBufferInt b) {
            int[] data = b.getData();
            boolean alpha = type == BufferedImage.TYPE_INT_ARGB;
            for (int i = 0; i < grey.length; i++) {
                grey[i] = grey(data[i], alpha);
            }
        } else {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    grey[y * w + x] = grey(row[x], image.getColorModel().hasAlpha());
                }
            }
        }
        return new PlanarYUVLuminanceSource(grey, w, h, 0, 0, w, h, false);
    }

    /** A transparent pixel counts as white, as the paper behind it would be. */
    private static byte grey(int argb, boolean alpha) {
        if (alpha && (argb >>> 24) == 0) {
            return (byte) 0xFF;
        }
        return grey((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
    }

    /** Rec. 601 luma in integers. */
    private static byte grey(int r, int g, int b) {
        return (byte) ((r * 306 + g * 601 + b * 117) >> 10);
    }

    /** The frame turned by 45° on a white canvas big enough to hold all of it. */
    static BufferedImage turned45(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int side = (int) Math.ceil((w + h) / Math.sqrt(2));
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            AffineTransform t = new AffineTransform();
            t.translate(side / 2.0, side / 2.0);
            t.rotate(Math.PI / 4);
            t.translate(-w / 2.0, -h / 2.0);
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
