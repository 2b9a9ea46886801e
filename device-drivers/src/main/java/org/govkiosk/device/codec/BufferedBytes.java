package org.govkiosk.device.codec;

import java.util.Arrays;

/**
 * The bytes a {@link FrameBuffer} holds, read from the oldest, for a {@link FrameFormat} to look at. Read-only to
 * the format: only the buffer appends and consumes, so a format cannot lose bytes by mistake.
 */
public final class BufferedBytes {

    /** A checksum over {@code data[from..to)}, e.g. XOR or CRC-16. */
    @FunctionalInterface
    public interface Checksum {
        int of(byte[] data, int from, int to);
    }

    private final byte[] marker;
    private final byte[] buf;
    private int size;

    BufferedBytes(byte[] marker, int capacity) {
        if (marker.length == 0) {
            throw new IllegalArgumentException("a frame marker needs at least one byte");
        }
        if (capacity < marker.length) {
            throw new IllegalArgumentException("capacity " + capacity + " is below the marker's " + marker.length);
        }
        this.marker = marker.clone();
        this.buf = new byte[capacity];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return buf.length;
    }

    /** The byte at {@code i}, unsigned. */
    public int u8(int i) {
        check(i, 1);
        return buf[i] & 0xFF;
    }

    /** The big-endian 16-bit number at {@code i}. */
    public int u16(int i) {
        check(i, 2);
        return (buf[i] & 0xFF) << 8 | (buf[i + 1] & 0xFF);
    }

    /** A copy of {@code [from, to)}. */
    public byte[] copy(int from, int to) {
        check(from, to - from);
        return Arrays.copyOfRange(buf, from, to);
    }

    /** {@code checksum} over {@code [from, to)}, without copying. */
    public int checksum(Checksum checksum, int from, int to) {
        check(from, to - from);
        return checksum.of(buf, from, to);
    }

    /**
     * The first index in {@code [from, limit)} where a marker starts; a marker cut off by the end of the buffered
     * bytes counts, since the rest of it may still come. -1 when there is none.
     */
    public int markerAt(int from, int limit) {
        for (int i = Math.max(from, 0); i < limit && i < size; i++) {
            int j = 0;
            while (j < marker.length && i + j < size && buf[i + j] == marker[j]) {
                j++;
            }
            if (j == marker.length || i + j == size) {
                return i;
            }
        }
        return -1;
    }

    int markerLength() {
        return marker.length;
    }

    /** Appends up to the free room; returns how many bytes were taken. */
    int append(byte[] data, int off, int len) {
        int n = Math.min(len, buf.length - size);
        System.arraycopy(data, off, buf, size, n);
        size += n;
        return n;
    }

    void consume(int n) {
        if (n < 0 || n > size) {
            throw new IllegalStateException("cannot consume " + n + " of " + size + " buffered bytes");
        }
        System.arraycopy(buf, n, buf, 0, size - n);
        size -= n;
    }

    private void check(int from, int count) {
        if (from < 0 || count < 0 || from + count > size) {
            throw new IndexOutOfBoundsException("bytes " + from + "+" + count + " of " + size + " buffered");
        }
    }
}
