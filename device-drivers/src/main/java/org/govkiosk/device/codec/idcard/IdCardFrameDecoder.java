package org.govkiosk.device.codec.idcard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds SAM frames in a byte stream delivered in chunks of any size. A small state machine over one bounded
 * buffer: hunt for the preamble, read the length, wait for exactly that many bytes (framing by length, never by
 * read size), check the XOR checksum. Everything that is not a good frame becomes a {@link FrameError} and the
 * hunt resumes, so a damaged frame costs that frame only. The buffer never holds more than one frame of the
 * maximum length: {@link #buffered()} {@code <=} {@link #capacity()} at all times.
 * <p>Not thread-safe: one decoder per connection, fed from one thread at a time.
 */
public final class IdCardFrameDecoder {

    /** Room for the longest answer (text 256 + photo 1024 + fingerprint 1024 + headers) with margin. */
    public static final int DEFAULT_MAX_LENGTH = 4096;
    /** The shortest frame: CMD PARA and checksum. */
    static final int MIN_LENGTH = 3;

    private static final byte[] PREAMBLE = IdCardFrameEncoder.PREAMBLE;
    private static final int HEADER = IdCardFrameEncoder.HEADER_LENGTH;

    private final int maxLength;
    private final byte[] buf;
    private int size;

    public IdCardFrameDecoder() {
        this(DEFAULT_MAX_LENGTH);
    }

    /** @param maxLength the largest length field accepted; longer ones are {@link FrameError.Kind#LENGTH} errors */
    public IdCardFrameDecoder(int maxLength) {
        if (maxLength < MIN_LENGTH || maxLength > 0xFFFF) {
            throw new IllegalArgumentException("maxLength must be " + MIN_LENGTH + "..65535, was " + maxLength);
        }
        this.maxLength = maxLength;
        this.buf = new byte[HEADER + maxLength];
    }

    public List<Decoded> feed(byte[] data) {
        return feed(data, 0, data.length);
    }

    /** Consumes {@code data[off..off+len)} and returns what it completed, in stream order. */
    public List<Decoded> feed(byte[] data, int off, int len) {
        List<Decoded> out = new ArrayList<>(2);
        while (len > 0) {
            // drain() always leaves the buffer below capacity, so each round takes at least one byte.
            int n = Math.min(len, buf.length - size);
            System.arraycopy(data, off, buf, size, n);
            size += n;
            off += n;
            len -= n;
            drain(out);
        }
        return out;
    }

    private void drain(List<Decoded> out) {
        while (true) {
            int start = preambleAt(0, size, false);
            if (start < 0) {
                // Keep a tail that may be the start of a preamble; the rest is noise.
                drop(size - partialPreambleTail(), FrameError.Kind.GARBAGE, "bytes outside a frame", out);
                return;
            }
            drop(start, FrameError.Kind.GARBAGE, "bytes outside a frame", out);
            if (size < HEADER) {
                return;
            }
            int length = (buf[5] & 0xFF) << 8 | (buf[6] & 0xFF);
            if (length < MIN_LENGTH || length > maxLength) {
                // Drop only the preamble: a real one may begin in the length bytes (it cannot overlap itself).
                drop(PREAMBLE.length, FrameError.Kind.LENGTH,
                        "length " + length + " outside " + MIN_LENGTH + ".." + maxLength, out);
                continue;
            }
            int total = HEADER + length;
            if (size < total) {
                return;
            }
            if ((buf[total - 1] & 0xFF) == IdCardFrameEncoder.xor(buf, 5, total - 1)) {
                byte[] body = new byte[length - 1];
                System.arraycopy(buf, HEADER, body, 0, body.length);
                out.add(new SamFrame(body));
                consume(total);
                continue;
            }
            // A preamble inside the span means this frame was cut short and the next one began: keep that one.
            int next = preambleAt(1, total, true);
            if (next > 0) {
                drop(next, FrameError.Kind.TRUNCATED, "frame cut short after " + next + " bytes", out);
            } else {
                drop(total, FrameError.Kind.CHECKSUM, "checksum mismatch in a frame of " + total + " bytes", out);
            }
        }
    }

    /**
     * Drops a partly received frame, e.g. after an answer timed out, so the next answer starts clean.
     *
     * @return a {@link FrameError.Kind#TRUNCATED} error for what was dropped, if anything was
     */
    public Optional<FrameError> reset() {
        int n = size;
        size = 0;
        return n == 0 ? Optional.empty()
                : Optional.of(new FrameError(FrameError.Kind.TRUNCATED, n, "reset with " + n + " bytes pending"));
    }

    /** Bytes held waiting for the rest of a frame. */
    public int buffered() {
        return size;
    }

    /** The most bytes the decoder ever holds. */
    public int capacity() {
        return buf.length;
    }

    public int maxLength() {
        return maxLength;
    }

    /**
     * The first index in {@code [from, limit)} where a preamble starts. With {@code partial}, a preamble cut off
     * by the end of the buffered bytes also counts.
     */
    private int preambleAt(int from, int limit, boolean partial) {
        for (int i = from; i < limit && i < size; i++) {
            int j = 0;
            while (j < PREAMBLE.length && i + j < size && buf[i + j] == PREAMBLE[j]) {
                j++;
            }
            if (j == PREAMBLE.length || (partial && i + j == size)) {
                return i;
            }
        }
        return -1;
    }

    /** The length of the longest buffered tail that is a proper prefix of the preamble. */
    private int partialPreambleTail() {
        for (int k = Math.min(PREAMBLE.length - 1, size); k > 0; k--) {
            boolean match = true;
            for (int j = 0; j < k && match; j++) {
                match = buf[size - k + j] == PREAMBLE[j];
            }
            if (match) {
                return k;
            }
        }
        return 0;
    }

    private void drop(int n, FrameError.Kind kind, String detail, List<Decoded> out) {
        if (n > 0) {
            out.add(new FrameError(kind, n, detail));
            consume(n);
        }
    }

    private void consume(int n) {
        System.arraycopy(buf, n, buf, 0, size - n);
        size -= n;
    }
}
