package org.govkiosk.device.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Cuts a byte stream delivered in chunks of any size into the frames of one protocol ({@link FrameFormat}): hunts
 * for the frame marker, holds the bytes of a frame until the format says it is whole, and hands over each frame
 * or framing error in stream order. Every stretch that is not a good frame comes out as an error saying how many
 * bytes it cost, and the hunt resumes right after it, so a damaged frame costs that frame only.
 * <p>
 * Bounded: it never holds more than {@link FrameFormat#maxFrameBytes()}, and it is below that after every
 * {@link #feed} ({@link #buffered()} {@code <} {@link #capacity()}). A frame that would need more is dropped as
 * {@link FrameFault#TOO_LONG} up to the next marker inside it, where the hunt resumes.
 * <p>Not thread-safe: one buffer per connection, fed from one thread at a time.
 *
 * @param <D> the protocol's frames and errors
 */
public final class FrameBuffer<D> {

    private final FrameFormat<D> format;
    private final BufferedBytes bytes;

    public FrameBuffer(FrameFormat<D> format) {
        this.format = Objects.requireNonNull(format, "format");
        this.bytes = new BufferedBytes(format.marker(), format.maxFrameBytes());
    }

    public List<D> feed(byte[] data) {
        return feed(data, 0, data.length);
    }

    /** Consumes {@code data[off..off+len)} and returns what it completed, in stream order. */
    public List<D> feed(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        List<D> out = new ArrayList<>(2);
        while (len > 0) {
            // drain() always leaves room, so each round takes at least one byte.
            int n = bytes.append(data, off, len);
            off += n;
            len -= n;
            drain(out);
        }
        return out;
    }

    private void drain(List<D> out) {
        while (bytes.size() > 0) {
            int start = bytes.markerAt(0, bytes.size());
            if (start < 0) {
                drop(bytes.size(), FrameFault.GARBAGE, "bytes outside a frame", out);
                return;
            }
            drop(start, FrameFault.GARBAGE, "bytes outside a frame", out);
            if (bytes.size() < bytes.markerLength()) {
                return; // the start of a marker; the rest may come
            }
            if (format.cut(bytes) instanceof FrameFormat.Cut.Take<D> take) {
                if (take.bytes() > bytes.size()) {
                    throw new IllegalStateException(format + " cut " + take.bytes() + " of " + bytes.size()
                            + " buffered bytes");
                }
                out.add(take.decoded());
                bytes.consume(take.bytes());
                continue;
            }
            if (bytes.size() < bytes.capacity()) {
                return;
            }
            // Full, and still the beginning of a frame: no frame of this protocol is that long.
            int next = bytes.markerAt(1, bytes.size());
            drop(next > 0 ? next : bytes.size(), FrameFault.TOO_LONG,
                    "frame longer than " + bytes.capacity() + " bytes", out);
        }
    }

    /**
     * Drops a partly received frame, e.g. after an answer timed out, so the next answer starts clean.
     *
     * @return a {@link FrameFault#TRUNCATED} error for what was dropped, if anything was
     */
    public Optional<D> reset() {
        int n = bytes.size();
        if (n == 0) {
            return Optional.empty();
        }
        bytes.consume(n);
        return Optional.of(format.error(FrameFault.TRUNCATED, n, "reset with " + n + " bytes pending"));
    }

    /** Bytes held waiting for the rest of a frame. */
    public int buffered() {
        return bytes.size();
    }

    /** The most bytes the buffer ever holds. */
    public int capacity() {
        return bytes.capacity();
    }

    private void drop(int n, FrameFault fault, String detail, List<D> out) {
        if (n > 0) {
            out.add(format.error(fault, n, detail));
            bytes.consume(n);
        }
    }
}
