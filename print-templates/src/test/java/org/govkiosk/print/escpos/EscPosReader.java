package org.govkiosk.print.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict reader of the ESC/POS subset the renderer writes, for tests: any byte it does not expect fails the
 * test, and every length field must match the bytes that follow, or the commands after it stop making sense.
 */
final class EscPosReader {

    sealed interface Op {
    }

    record Init() implements Op {
    }

    record ChineseMode() implements Op {
    }

    record Align(int n) implements Op {
    }

    record Bold(boolean on) implements Op {
    }

    /** GS ! magnification in effect for the lines after it. */
    record Magnify(int width, int height) implements Op {
    }

    /** A printed line, decoded as GB18030, with the width magnification it was printed at. */
    record Line(String text, int magnification) implements Op {
    }

    record Feed(int lines) implements Op {
    }

    record QrFunction(int fn, byte[] params, int declaredLength) implements Op {
    }

    record Raster(int widthBytes, int heightDots, byte[] bits) implements Op {
    }

    record Cut(int mode, int n) implements Op {
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    private EscPosReader() {
    }

    static List<Op> read(byte[] b) {
        List<Op> ops = new ArrayList<>();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int mag = 1;
        int p = 0;
        while (p < b.length) {
            int c = b[p] & 0xFF;
            if (c == 0x0A) {
                ops.add(new Line(text.toString(GB18030), mag));
                text.reset();
                p++;
            } else if (c == 0x1B) {
                int cmd = b[p + 1];
                switch (cmd) {
                    case '@' -> ops.add(new Init());
                    case 'a' -> ops.add(new Align(b[p + 2]));
                    case 'E' -> ops.add(new Bold(b[p + 2] == 1));
                    case 'd' -> ops.add(new Feed(b[p + 2] & 0xFF));
                    default -> throw new AssertionError("unexpected ESC " + cmd + " at " + p);
                }
                p += cmd == '@' ? 2 : 3;
            } else if (c == 0x1C) {
                if (b[p + 1] != '&') {
                    throw new AssertionError("unexpected FS " + b[p + 1] + " at " + p);
                }
                ops.add(new ChineseMode());
                p += 2;
            } else if (c == 0x1D) {
                int cmd = b[p + 1];
                if (cmd == '!') {
                    int n = b[p + 2] & 0xFF;
                    ops.add(new Magnify((n >> 4) + 1, (n & 0x0F) + 1));
                    mag = (n >> 4) + 1;
                    p += 3;
                } else if (cmd == '(' && b[p + 2] == 'k') {
                    int len = (b[p + 3] & 0xFF) | (b[p + 4] & 0xFF) << 8;
                    if (b[p + 5] != 49) {
                        throw new AssertionError("GS ( k with cn " + b[p + 5] + " at " + p);
                    }
                    ops.add(new QrFunction(b[p + 6] & 0xFF, Arrays.copyOfRange(b, p + 7, p + 5 + len), len));
                    p += 5 + len;
                } else if (cmd == 'v' && b[p + 2] == '0') {
                    int x = (b[p + 4] & 0xFF) | (b[p + 5] & 0xFF) << 8;
                    int y = (b[p + 6] & 0xFF) | (b[p + 7] & 0xFF) << 8;
                    ops.add(new Raster(x, y, Arrays.copyOfRange(b, p + 8, p + 8 + x * y)));
                    p += 8 + x * y;
                } else if (cmd == 'V') {
                    ops.add(new Cut(b[p + 2] & 0xFF, b[p + 3] & 0xFF));
                    p += 4;
                } else {
                    throw new AssertionError("unexpected GS " + cmd + " at " + p);
                }
            } else if (c < 0x20) {
                throw new AssertionError("stray control byte " + c + " at " + p);
            } else {
                text.write(c);
                p++;
            }
        }
        if (text.size() > 0) {
            throw new AssertionError("text left unprinted at the end: " + text.toString(GB18030));
        }
        return ops;
    }

    static List<String> lines(List<Op> ops) {
        return ops.stream().filter(Line.class::isInstance).map(o -> ((Line) o).text()).toList();
    }

    /** Images as printed: consecutive GS v 0 bands of the same width joined into one. */
    static List<Raster> images(List<Op> ops) {
        List<Raster> images = new ArrayList<>();
        Op previous = null;
        for (Op op : ops) {
            if (op instanceof Raster r) {
                if (previous instanceof Raster && images.get(images.size() - 1).widthBytes() == r.widthBytes()) {
                    Raster last = images.remove(images.size() - 1);
                    byte[] bits = Arrays.copyOf(last.bits(), last.bits().length + r.bits().length);
                    System.arraycopy(r.bits(), 0, bits, last.bits().length, r.bits().length);
                    images.add(new Raster(r.widthBytes(), last.heightDots() + r.heightDots(), bits));
                } else {
                    images.add(r);
                }
            }
            previous = op;
        }
        return images;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
