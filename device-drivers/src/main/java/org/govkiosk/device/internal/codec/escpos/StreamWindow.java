package org.govkiosk.device.internal.codec.escpos;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Locale;

/** The unparsed bytes of a stream, read relative to the next unparsed byte, with its offset in the stream. */
final class StreamWindow {

    private byte[] buf = new byte[512];
    private int start;
    private int end;
    private long offset;

    void append(byte[] data) {
        if (end + data.length > buf.length) {
            compact();
            if (end + data.length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, end + data.length));
            }
        }
        System.arraycopy(data, 0, buf, end, data.length);
        end += data.length;
    }

    int avail() {
        return end - start;
    }

    /** The byte {@code i} places after the next unparsed one, unsigned. */
    int at(int i) {
        return buf[start + i] & 0xFF;
    }

    /** The stream offset of the next unparsed byte. */
    long offset() {
        return offset;
    }

    void consume(int n) {
        start += n;
        offset += n;
    }

    byte[] copy(int from, int count) {
        return Arrays.copyOfRange(buf, start + from, start + from + count);
    }

    String string(int from, int count, Charset charset) {
        return new String(buf, start + from, count, charset);
    }

    /** Length of the run of bytes from here for which {@code printable} holds. */
    int run(java.util.function.IntPredicate printable) {
        int i = start;
        while (i < end && printable.test(buf[i] & 0xFF)) {
            i++;
        }
        return i - start;
    }

    /** The first {@code count} bytes from here in hex, at most 16 shown. */
    String hex(int count) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(count, 16);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format(Locale.ROOT, "%02X", at(i)));
        }
        return count > shown ? sb.append(" ...(").append(count).append(" bytes)").toString() : sb.toString();
    }

    void compact() {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == 0 && buf.length > 65536) {
            buf = new byte[512]; // give back the room a large image needed
        }
    }
}
