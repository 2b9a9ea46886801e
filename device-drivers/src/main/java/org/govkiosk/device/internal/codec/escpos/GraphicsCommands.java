package org.govkiosk.device.internal.codec.escpos;

import static org.govkiosk.device.internal.codec.escpos.EscPosStreamParser.NEED_MORE;

/**
 * The image and graphics commands of {@link EscPosStreamParser}, whose length depends on their parameters:
 * {@code GS v 0}, {@code ESC *}, {@code ESC &} and {@code GS 8 L}. Each returns the bytes it used or
 * {@link EscPosStreamParser#NEED_MORE}; what they read goes to the parser they serve.
 */
final class GraphicsCommands {

    private final StreamWindow in;
    private final EscPosStreamParser parser;

    GraphicsCommands(StreamWindow in, EscPosStreamParser parser) {
        this.in = in;
        this.parser = parser;
    }

    int raster() {
        if (in.avail() < 3) {
            return NEED_MORE;
        }
        if (in.at(2) != '0') {
            return parser.malformed("GS v: only GS v 0 (raster image) exists", 3);
        }
        if (in.avail() < 8) {
            return NEED_MORE;
        }
        int m = in.at(3);
        int x = in.at(4) + in.at(5) * 256;
        int y = in.at(6) + in.at(7) * 256;
        long k = (long) x * y;
        if (m > 3 && (m < 48 || m > 51)) {
            return parser.malformed("GS v 0: unknown mode " + m, 8);
        }
        if (k == 0 || k > EscPosStreamParser.MAX_COMMAND_BYTES) {
            return parser.malformed("GS v 0: image of " + x + " x " + y + " bytes is empty or too large", 8);
        }
        if (in.avail() < 8 + k) {
            return NEED_MORE;
        }
        parser.add(new PrintedElement.RasterImage(x * 8, y, m));
        return 8 + (int) k;
    }

    int bitImage() {
        if (in.avail() < 5) {
            return NEED_MORE;
        }
        int m = in.at(2);
        int n = in.at(3) + in.at(4) * 256;
        int bytesPerColumn = m == 0 || m == 1 ? 1 : m == 32 || m == 33 ? 3 : 0;
        if (bytesPerColumn == 0) {
            return parser.malformed("ESC *: unknown mode " + m, 5);
        }
        int total = 5 + n * bytesPerColumn;
        if (in.avail() < total) {
            return NEED_MORE;
        }
        parser.add(new PrintedElement.RasterImage(n, bytesPerColumn * 8, m));
        return total;
    }

    /** {@code ESC & y c1 c2 [x d1..d(y*x)]...}: one definition per character code c1..c2. */
    int userDefinedCharacters() {
        if (in.avail() < 5) {
            return NEED_MORE;
        }
        int y = in.at(2);
        int c1 = in.at(3);
        int c2 = in.at(4);
        if (y < 1 || y > 3 || c1 < 32 || c2 > 126 || c1 > c2) {
            return parser.malformed("ESC &: bad parameters y=" + y + " c1=" + c1 + " c2=" + c2, 5);
        }
        int pos = 5;
        for (int c = c1; c <= c2; c++) {
            if (in.avail() < pos + 1) {
                return NEED_MORE;
            }
            pos += 1 + y * in.at(pos);
        }
        return parser.fixed("ESC &", pos);
    }

    /** {@code GS 8 L p1 p2 p3 p4 ...}: graphics with a 32-bit length. */
    int graphics32() {
        if (in.avail() < 3) {
            return NEED_MORE;
        }
        if (in.at(2) != 'L') {
            return parser.unknown(2);
        }
        if (in.avail() < 7) {
            return NEED_MORE;
        }
        long len = in.at(3) | (in.at(4) << 8) | (in.at(5) << 16) | ((long) in.at(6) << 24);
        return len > EscPosStreamParser.MAX_COMMAND_BYTES ? parser.malformed("GS 8 L: " + len + " bytes is too large", 7)
                : parser.fixed("GS 8 L", 7 + (int) len);
    }
}
