package org.govkiosk.device.testkit;

/**
 * The most recent bytes fed to a decoder under fuzzing, in a fixed buffer: whether a frame the decoder reports was
 * really in its recent input can be checked without keeping the whole (unbounded) stream.
 */
public final class RecentBytes {

    private final byte[] buf;
    private int size;

    public RecentBytes(int capacity) {
        buf = new byte[capacity];
    }

    public void add(byte[] data, int off, int n) {
        if (n >= buf.length) {
            System.arraycopy(data, off + n - buf.length, buf, 0, buf.length);
            size = buf.length;
            return;
        }
        int keep = Math.min(size, buf.length - n);
        System.arraycopy(buf, size - keep, buf, 0, keep);
        System.arraycopy(data, off, buf, keep, n);
        size = keep + n;
    }

    public boolean contains(byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= size; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buf[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
