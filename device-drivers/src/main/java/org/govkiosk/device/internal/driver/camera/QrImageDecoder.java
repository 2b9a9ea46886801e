package org.govkiosk.device.internal.driver.camera;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.InvertedLuminanceSource;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds every QR code in a camera frame, cheaply when there is none (the common case at an idle terminal).
 *
 * <ol>
 *   <li>A cheap pass: ZXing's multi-code reader on the hybrid (local block) binarisation, without trying harder.
 *   Most sharp, upright codes end here.</li>
 *   <li>A gate: the binarised frame is scanned for a code's geometry, three finder patterns with their quiet zone
 *   in a near right-angled L over an inked square, either polarity (see {@link FinderEvidence}); where the hybrid
 *   binarisation shows none, once more on a local-mean threshold ({@link LocalContrast}: faint paper on a lighter
 *   wall). A frame without stops here, so an empty hall or a page of text (whose 回 are finder patterns to a row
 *   scan) costs about one plain ZXing pass and the scans. Where the cheap pass found codes but the frame shows more
 *   finder-like places than they explain, BoofCV looks for the others.</li>
 *   <li>The costly passes, only behind the gate: ZXing trying harder with the multi- and the single-code reader, on
 *   the frame and inverted (dark mode), with the global-histogram binarisation; BoofCV's detector (a second engine
 *   that finds position patterns as squares of a locally thresholded picture: tilted, blurred, curved, faded codes);
 *   then, where the finders are large, a half-size frame (noise and JPEG blocks averaged away), where they are small,
 *   a doubled frame with a local-mean threshold (modules of 2 px or less), and last the frame turned by 45° (ZXing's
 *   row scan is weakest half-way between the axes).</li>
 * </ol>
 *
 * Every engine checks the code's error correction, so what is reported was in a code. Not thread-safe (readers and
 * buffers are reused): one decoder per thread.
 */
public final class QrImageDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(QrImageDecoder.class);
    private static final Map<DecodeHintType, Object> FAST = hints(false);
    private static final Map<DecodeHintType, Object> HINTS = hints(true);

    private final QRCodeMultiReader reader = new QRCodeMultiReader();
    private final QRCodeReader single = new QRCodeReader();
    private BoofQrEngine boof;

    /** What {@link #decode} did with the last frame, for the benchmark and the tests. */
    private String lastPath = "";
    /** Frames the gate stopped (no code found by the cheap pass, no code's geometry), and frames let through. */
    private long gated;
    private long costly;

    private static Map<DecodeHintType, Object> hints(boolean harder) {
        Map<DecodeHintType, Object> h = new EnumMap<>(DecodeHintType.class);
        if (harder) {
            h.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        h.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        return h;
    }

    /** The codes of one frame, each payload once, top to bottom then left to right; empty when there is none. */
    public List<DecodedCode> decode(BufferedImage image) {
        LuminanceSource luminance = luminance(image);
        Found found = new Found();
        BinaryBitmap hybrid = new BinaryBitmap(new HybridBinarizer(luminance));
        found.add(multi(hybrid, FAST), 1);
        byte[] grey = luminance.getMatrix();
        int w = luminance.getWidth();
        int h = luminance.getHeight();
        BitMatrix black = blackMatrix(hybrid);
        FinderEvidence.Found evidence = black == null ? FinderEvidence.Found.NONE : FinderEvidence.scan(black, grey);
        if (found.isEmpty() && !evidence.codeGeometry()) {
            evidence = secondLook(luminance);
        }
        if (!found.isEmpty()) {
            // more finder-like places than the codes found explain: another code may be beside them
            if (evidence.places() > 3 * found.size() + 2) {
                found.add(boof().decode(grey, w, h), 1);
                lastPath = "cheap+";
            } else {
                lastPath = "cheap";
            }
            return found.codes();
        }
        if (!evidence.codeGeometry()) {
            gated++;
            lastPath = "gated";
            return List.of();
        }
        costly++;
        LuminanceSource inverted = new InvertedLuminanceSource(luminance);
        BinaryBitmap hybridInverted = new BinaryBitmap(new HybridBinarizer(inverted));
        found.add(multi(hybrid, HINTS), 1);
        found.add(multi(hybridInverted, HINTS), 1);
        found.add(single(hybrid), 1);
        found.add(single(hybridInverted), 1);
        found.add(boof().decode(grey, w, h), 1);
        if (!found.isEmpty()) {
            lastPath = "costly";
            return found.codes();
        }
        found.add(boof().decode(invert(grey), w, h), 1);
        found.add(multi(new BinaryBitmap(new GlobalHistogramBinarizer(luminance)), HINTS), 1);
        found.add(single(new BinaryBitmap(new GlobalHistogramBinarizer(inverted)), HINTS), 1);
        if (!found.isEmpty()) {
            lastPath = "costly";
            return found.codes();
        }
        if (evidence.smallestModule() >= 3) {
            found.add(bothWays(LocalContrast.half(grey, w, h)), 2);
            if (!found.isEmpty()) {
                lastPath = "half";
                return found.codes();
            }
        }
        if (evidence.smallestModule() <= 3) {
            LuminanceSource doubled = LocalContrast.doubled(grey, w, h);
            found.add(multi(new BinaryBitmap(new LocalContrast(doubled)), HINTS), 0.5);
            found.add(multi(new BinaryBitmap(new LocalContrast(new InvertedLuminanceSource(doubled))), HINTS), 0.5);
            if (!found.isEmpty()) {
                lastPath = "doubled";
                return found.codes();
            }
        }
        found.addTurned(bothWays(luminance(turned45(image))), w, h);
        lastPath = found.isEmpty() ? "none" : "turned";
        return found.codes();
    }

    /** Frames that found no code in the cheap pass and were stopped at the gate (no code's geometry). */
    long gatedFrames() {
        return gated;
    }

    /** Frames that found no code in the cheap pass and went on to the costly passes. */
    long costlyFrames() {
        return costly;
    }

    /**
     * The gate's decision on a frame, alone: whether it shows a QR code's geometry (three finder patterns in an L),
     * as {@link #decode} asks when the cheap pass found nothing.
     */
    static boolean showsCodeGeometry(BufferedImage image) {
        LuminanceSource luminance = luminance(image);
        BitMatrix black = blackMatrix(new BinaryBitmap(new HybridBinarizer(luminance)));
        return black != null && FinderEvidence.scan(black, luminance.getMatrix()).codeGeometry()
                || secondLook(luminance).codeGeometry();
    }

    /**
     * The finder scan again on a local-mean threshold ({@link LocalContrast}): where faint paper is darker than the
     * wall around it, the hybrid binariser's 8-pixel blocks turn its quiet zone dark and the finders' outer rings
     * run into it; a threshold that follows the pixel keeps them apart. Only for frames the first look stopped; at
     * full size (on a half-size frame printed glyphs blur into finder-like blobs and text pages pass).
     */
    private static FinderEvidence.Found secondLook(LuminanceSource luminance) {
        return FinderEvidence.scan(new LocalContrast(luminance).getBlackMatrix(), luminance.getMatrix());
    }

    /** The way the last frame went: cheap, cheap+ (with BoofCV), gated, costly, half, doubled, turned or none. */
    public String lastPath() {
        return lastPath;
    }

    private BoofQrEngine boof() {
        if (boof == null) {
            boof = new BoofQrEngine();
        }
        return boof;
    }

    private static byte[] invert(byte[] grey) {
        byte[] out = new byte[grey.length];
        for (int i = 0; i < grey.length; i++) {
            out[i] = (byte) ~grey[i];
        }
        return out;
    }

    private static BitMatrix blackMatrix(BinaryBitmap bitmap) {
        try {
            return bitmap.getBlackMatrix();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private List<DecodedCode> bothWays(LuminanceSource luminance) {
        List<DecodedCode> found = multi(new BinaryBitmap(new HybridBinarizer(luminance)), HINTS);
        return found.isEmpty() ? multi(new BinaryBitmap(new HybridBinarizer(new InvertedLuminanceSource(luminance))),
                HINTS) : found;
    }

    private List<DecodedCode> single(BinaryBitmap bitmap) {
        return single(bitmap, HINTS);
    }

    private List<DecodedCode> single(BinaryBitmap bitmap, Map<DecodeHintType, Object> hints) {
        try {
            return List.of(at(single.decode(bitmap, hints)));
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return List.of();
        } catch (RuntimeException e) {
            LOG.warn("QR decoding failed on a {}x{} frame: {}", bitmap.getWidth(), bitmap.getHeight(), e.toString());
            return List.of();
        } finally {
            single.reset();
        }
    }

    private List<DecodedCode> multi(BinaryBitmap bitmap, Map<DecodeHintType, Object> hints) {
        Result[] results;
        try {
            results = reader.decodeMultiple(bitmap, hints);
        } catch (NotFoundException e) {
            return List.of();
        } catch (RuntimeException e) {
            // ZXing can trip over pathological pictures; that frame has no code for us, the next one may.
            LOG.warn("QR decoding failed on a {}x{} frame: {}", bitmap.getWidth(), bitmap.getHeight(), e.toString());
            return List.of();
        }
        List<DecodedCode> codes = new ArrayList<>();
        for (Result r : results) {
            codes.add(at(r));
        }
        return codes;
    }

    /** The codes found so far, each payload once, positions in the frame's pixels. */
    private static final class Found {
        private final Map<String, DecodedCode> byText = new LinkedHashMap<>();

        void add(List<DecodedCode> codes, double scale) {
            for (DecodedCode c : codes) {
                byText.putIfAbsent(c.text(), scale == 1 ? c
                        : new DecodedCode(c.text(), (int) (c.x() * scale), (int) (c.y() * scale)));
            }
        }

        /** Positions found in the turned frame, turned back (the top-left corner of the code's bounds). */
        void addTurned(List<DecodedCode> codes, int w, int h) {
            int side = (int) Math.ceil((w + h) / Math.sqrt(2));
            for (DecodedCode c : codes) {
                double dx = c.x() - side / 2.0;
                double dy = c.y() - side / 2.0;
                double x = (dx + dy) / Math.sqrt(2) + w / 2.0;
                double y = (dy - dx) / Math.sqrt(2) + h / 2.0;
                byText.putIfAbsent(c.text(), new DecodedCode(c.text(), (int) Math.max(0, Math.min(w - 1, x)),
                        (int) Math.max(0, Math.min(h - 1, y))));
            }
        }

        boolean isEmpty() {
            return byText.isEmpty();
        }

        int size() {
            return byText.size();
        }

        List<DecodedCode> codes() {
            List<DecodedCode> codes = new ArrayList<>(byText.values());
            codes.sort(Comparator.comparingInt(DecodedCode::y).thenComparingInt(DecodedCode::x));
            return codes;
        }
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
