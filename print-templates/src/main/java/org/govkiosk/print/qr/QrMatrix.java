package org.govkiosk.print.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.util.BitSet;
import java.util.Map;

/**
 * The modules of a QR code, without quiet zone; renderers draw them as vectors (PDF) or dots (receipt raster).
 * Error correction M: a thermal print with a smudge still scans, and a signed payload still fits a small code.
 */
public final class QrMatrix {

    private final int size;
    private final BitSet dark;

    private QrMatrix(int size, BitSet dark) {
        this.size = size;
        this.dark = dark;
    }

    public static QrMatrix encode(String payload) {
        if (payload == null || payload.isEmpty()) {
            throw new IllegalArgumentException("empty QR payload");
        }
        try {
            // ECI only where needed: old hall scanners mishandle it, and URLs and signed payloads are ASCII
            Map<EncodeHintType, Object> hints = payload.chars().allMatch(c -> c < 0x80)
                    ? Map.of() : Map.of(EncodeHintType.CHARACTER_SET, "UTF-8");
            ByteMatrix matrix = Encoder.encode(payload, ErrorCorrectionLevel.M, hints).getMatrix();
            int n = matrix.getWidth();
            BitSet bits = new BitSet(n * n);
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    if (matrix.get(x, y) == 1) {
                        bits.set(y * n + x);
                    }
                }
            }
            return new QrMatrix(n, bits);
        } catch (WriterException e) {
            throw new IllegalArgumentException("payload does not fit a QR code (" + payload.length() + " chars)", e);
        }
    }

    /** Modules per side, without quiet zone. */
    public int size() {
        return size;
    }

    public boolean isDark(int x, int y) {
        return dark.get(y * size + x);
    }

    /** Black on white, {@code moduleDots} per module, with the 4-module quiet zone the standard asks for. */
    public BufferedImage toImage(int moduleDots) {
        int quiet = 4;
        int side = (size + 2 * quiet) * moduleDots;
        BitMatrix bits = new BitMatrix(side, side);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (isDark(x, y)) {
                    bits.setRegion((x + quiet) * moduleDots, (y + quiet) * moduleDots, moduleDots, moduleDots);
                }
            }
        }
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, bits.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }
}
