package org.govkiosk.device.internal.codec.idcard;

import java.util.List;
import java.util.Optional;
import org.govkiosk.device.codec.BufferedBytes;
import org.govkiosk.device.codec.FrameBuffer;
import org.govkiosk.device.codec.FrameFault;
import org.govkiosk.device.codec.FrameFormat;

/**
 * Finds SAM frames in a byte stream delivered in chunks of any size: preamble, a length field, exactly that many
 * bytes (framing by length, never by read size), an XOR checksum. The hunting, holding and bounding are the
 * shared {@link FrameBuffer}'s; this class states the SAM rules. A length out of range gives up only the preamble,
 * since a real one may begin in the length bytes; a frame with a bad checksum that holds a preamble was cut short
 * and gives way to the frame that began there. The buffer never holds more than one frame of the maximum length.
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
    private final FrameBuffer<Decoded> buffer;

    public IdCardFrameDecoder() {
        this(DEFAULT_MAX_LENGTH);
    }

    /** @param maxLength the largest length field accepted; longer ones are {@link FrameError.Kind#LENGTH} errors */
    public IdCardFrameDecoder(int maxLength) {
        if (maxLength < MIN_LENGTH || maxLength > 0xFFFF) {
            throw new IllegalArgumentException("maxLength must be " + MIN_LENGTH + "..65535, was " + maxLength);
        }
        this.maxLength = maxLength;
        this.buffer = new FrameBuffer<>(new SamFraming());
    }

    public List<Decoded> feed(byte[] data) {
        return buffer.feed(data);
    }

    /** Consumes {@code data[off..off+len)} and returns what it completed, in stream order. */
    public List<Decoded> feed(byte[] data, int off, int len) {
        return buffer.feed(data, off, len);
    }

    /**
     * Drops a partly received frame, e.g. after an answer timed out, so the next answer starts clean.
     *
     * @return a {@link FrameError.Kind#TRUNCATED} error for what was dropped, if anything was
     */
    public Optional<FrameError> reset() {
        return buffer.reset().map(FrameError.class::cast);
    }

    /** Bytes held waiting for the rest of a frame. */
    public int buffered() {
        return buffer.buffered();
    }

    /** The most bytes the decoder ever holds. */
    public int capacity() {
        return buffer.capacity();
    }

    public int maxLength() {
        return maxLength;
    }

    private final class SamFraming implements FrameFormat<Decoded> {

        @Override
        public byte[] marker() {
            return PREAMBLE;
        }

        @Override
        public int maxFrameBytes() {
            return HEADER + maxLength;
        }

        @Override
        public Cut<Decoded> cut(BufferedBytes b) {
            if (b.size() < HEADER) {
                return Cut.more();
            }
            int length = b.u16(PREAMBLE.length);
            if (length < MIN_LENGTH || length > maxLength) {
                return Cut.take(PREAMBLE.length, new FrameError(FrameError.Kind.LENGTH, PREAMBLE.length,
                        "length " + length + " outside " + MIN_LENGTH + ".." + maxLength));
            }
            int total = HEADER + length;
            if (b.size() < total) {
                return Cut.more();
            }
            if (b.u8(total - 1) == b.checksum(IdCardFrameEncoder::xor, PREAMBLE.length, total - 1)) {
                return Cut.take(total, new SamFrame(b.copy(HEADER, total - 1)));
            }
            int next = b.markerAt(1, total);
            if (next > 0) {
                return Cut.take(next, new FrameError(FrameError.Kind.TRUNCATED, next,
                        "frame cut short after " + next + " bytes"));
            }
            return Cut.take(total, new FrameError(FrameError.Kind.CHECKSUM, total,
                    "checksum mismatch in a frame of " + total + " bytes"));
        }

        @Override
        public Decoded error(FrameFault fault, int bytes, String detail) {
            return new FrameError(switch (fault) {
                case GARBAGE -> FrameError.Kind.GARBAGE;
                case TRUNCATED -> FrameError.Kind.TRUNCATED;
                case TOO_LONG -> FrameError.Kind.LENGTH;
            }, bytes, detail);
        }
    }
}
