package org.govkiosk.device.internal.driver.camera;

import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;

/**
 * A local-mean threshold: a pixel is dark when it is darker than the mean of the square around it by a few grey
 * levels. Unlike ZXing's hybrid binariser (8×8 blocks, a 5×5-block average) the window follows the pixel, which
 * keeps modules of 1–2 px (read on a doubled frame) and faded, low-contrast print apart from their neighbours.
 * Flat areas (no local contrast) come out light, so paper and walls stay empty. Also the frame resamplers the
 * decoder's deeper passes use.
 */
final class LocalContrast extends Binarizer {

    private static final int RADIUS = 12;
    private static final int OFFSET = 3;

    private BitMatrix matrix;

    LocalContrast(LuminanceSource source) {
        super(source);
    }

    @Override
    public BitArray getBlackRow(int y, BitArray row) {
        BitMatrix m = getBlackMatrix();
        return m.getRow(y, row);
    }

    @Override
    public BitMatrix getBlackMatrix() {
        if (matrix == null) {
            matrix = threshold(getLuminanceSource());
        }
        return matrix;
    }

    @Override
    public Binarizer createBinarizer(LuminanceSource source) {
        return new LocalContrast(source);
    }

    private static BitMatrix threshold(LuminanceSource source) {
        int w = source.getWidth();
        int h = source.getHeight();
        byte[] grey = source.getMatrix();
        int[] sums = new int[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            int rowSum = 0;
            for (int x = 0; x < w; x++) {
                rowSum += grey[y * w + x] & 0xFF;
                sums[(y + 1) * (w + 1) + x + 1] = sums[y * (w + 1) + x + 1] + rowSum;
            }
        }
        BitMatrix out = new BitMatrix(w, h);
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - RADIUS);
            int y1 = Math.min(h, y + RADIUS + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - RADIUS);
                int x1 = Math.min(w, x + RADIUS + 1);
                int area = (x1 - x0) * (y1 - y0);
                int sum = sums[y1 * (w + 1) + x1] - sums[y0 * (w + 1) + x1] - sums[y1 * (w + 1) + x0]
                        + sums[y0 * (w + 1) + x0];
                if ((grey[y * w + x] & 0xFF) * area < sum - OFFSET * area) {
                    out.set(x, y);
                }
            }
        }
        return out;
    }

    /** The frame at half size, each pixel the mean of four: sensor noise and JPEG blocks averaged away. */
    static LuminanceSource half(byte[] grey, int w, int h) {
        int hw = w / 2;
        int hh = h / 2;
        byte[] out = new byte[hw * hh];
        for (int y = 0; y < hh; y++) {
            for (int x = 0; x < hw; x++) {
                int i = 2 * y * w + 2 * x;
                int s = (grey[i] & 0xFF) + (grey[i + 1] & 0xFF) + (grey[i + w] & 0xFF) + (grey[i + w + 1] & 0xFF);
                out[y * hw + x] = (byte) (s >> 2);
            }
        }
        return new PlanarYUVLuminanceSource(out, hw, hh, 0, 0, hw, hh, false);
    }

    /** The frame at double size, bilinear: modules of 1–2 px become 2–4 px for the finder-pattern scan. */
    static LuminanceSource doubled(byte[] grey, int w, int h) {
        int dw = 2 * w;
        int dh = 2 * h;
        byte[] out = new byte[dw * dh];
        for (int y = 0; y < dh; y++) {
            int sy = Math.min(h - 1, y / 2);
            int ny = Math.min(h - 1, sy + (y & 1));
            for (int x = 0; x < dw; x++) {
                int sx = Math.min(w - 1, x / 2);
                int nx = Math.min(w - 1, sx + (x & 1));
                int s = (grey[sy * w + sx] & 0xFF) + (grey[sy * w + nx] & 0xFF) + (grey[ny * w + sx] & 0xFF)
                        + (grey[ny * w + nx] & 0xFF);
                out[y * dw + x] = (byte) (s >> 2);
            }
        }
        return new PlanarYUVLuminanceSource(out, dw, dh, 0, 0, dw, dh, false);
    }
}
