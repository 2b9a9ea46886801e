package org.govkiosk.print.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import org.govkiosk.print.model.Align;

/** ESC/POS commands as bytes. Only what receipts need; each method is one command from the Epson reference. */
final class EscPosWriter {

    static final Charset GB18030 = Charset.forName("GB18030");
    /** {@code GS ( k} carries at most this many data bytes (pL pH minus the 3 function bytes). */
    static final int QR_MAX_BYTES = 7089;
    /** Raster images go out in bands; many printers have a small receive buffer. */
    static final int RASTER_BAND = 256;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    EscPosWriter initialize() {
        return bytes(0x1B, '@');
    }

    /** FS &amp;: Chinese character mode, so two-byte GB18030 codes print as one Chinese character. */
    EscPosWriter chineseMode() {
        return bytes(0x1C, '&');
    }

    EscPosWriter align(Align align) {
        return bytes(0x1B, 'a', switch (align) {
            case LEFT -> 0;
            case CENTER -> 1;
            case RIGHT -> 2;
        });
    }

    EscPosWriter bold(boolean on) {
        return bytes(0x1B, 'E', on ? 1 : 0);
    }

    /** GS !: width and height magnification; it applies to Chinese characters as well. */
    EscPosWriter magnify(int times) {
        return bytes(0x1D, '!', (times - 1) << 4 | (times - 1));
    }

    EscPosWriter text(String text) {
        out.writeBytes(text.getBytes(GB18030));
        return this;
    }

    EscPosWriter newline() {
        return bytes(0x0A);
    }

    EscPosWriter feed(int lines) {
        return bytes(0x1B, 'd', Math.max(0, Math.min(255, lines)));
    }

    /** Model 2 QR of {@code data}, error correction M, stored then printed. */
    EscPosWriter qr(byte[] data, int moduleDots) {
        if (data.length > QR_MAX_BYTES) {
            throw new IllegalArgumentException("QR payload of " + data.length + " bytes is too long");
        }
        bytes(0x1D, '(', 'k', 4, 0, 49, 65, 50, 0);          // fn 165: model 2
        bytes(0x1D, '(', 'k', 3, 0, 49, 67, moduleDots);     // fn 167: module size
        bytes(0x1D, '(', 'k', 3, 0, 49, 69, 49);             // fn 169: error correction M
        int len = data.length + 3;
        bytes(0x1D, '(', 'k', len & 0xFF, len >> 8, 49, 80, 48); // fn 180: store, pL pH = data + 3
        out.writeBytes(data);
        return bytes(0x1D, '(', 'k', 3, 0, 49, 81, 48);      // fn 181: print the stored symbol
    }

    /** GS v 0: {@code bits} rows of {@code widthBytes} bytes, most significant bit leftmost, 1 = black. */
    EscPosWriter raster(byte[] bits, int widthBytes, int heightDots) {
        for (int top = 0; top < heightDots; top += RASTER_BAND) {
            int h = Math.min(RASTER_BAND, heightDots - top);
            bytes(0x1D, 'v', '0', 0, widthBytes & 0xFF, widthBytes >> 8, h & 0xFF, h >> 8);
            out.write(bits, top * widthBytes, h * widthBytes);
        }
        return this;
    }

    /** GS V 66 n: feed to the cutter and cut leaving a hinge, so the receipt does not drop to the floor. */
    EscPosWriter partialCut() {
        return bytes(0x1D, 'V', 66, 0);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private EscPosWriter bytes(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }
}
