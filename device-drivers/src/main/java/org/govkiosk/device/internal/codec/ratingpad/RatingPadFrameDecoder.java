package org.govkiosk.device.internal.codec.ratingpad;

import java.util.List;
import java.util.Optional;
import org.govkiosk.device.codec.BufferedBytes;
import org.govkiosk.device.codec.FrameBuffer;
import org.govkiosk.device.codec.FrameFault;
import org.govkiosk.device.codec.FrameFormat;

/**
 * Finds rating pad frames in a byte stream delivered in chunks of any size: STX, LEN, exactly that many bytes plus
 * CRC and ETX (framing by length, never by read size). The hunting, holding and bounding are the shared
 * {@link FrameBuffer}'s; this class states the pad's rules. A candidate that fails gives up only its STX byte,
 * because STX (0x02) is common inside payloads and the next real frame may start inside a damaged one: so a
 * damaged or cut-short frame costs that frame only. The buffer never holds more than one frame of the maximum
 * length: {@link #buffered()} {@code <} {@link #capacity()} after every call.
 * <p>Not thread-safe: one decoder per connection, fed from one thread at a time.
 */
public final class RatingPadFrameDecoder {

    /** LEN counts SEQ and CMD at least. */
    static final int MIN_LENGTH = 2;
    private static final int STX = RatingPadFrameEncoder.STX;
    private static final int HEADER = RatingPadFrameEncoder.HEADER_LENGTH;
    private static final int TRAILER = RatingPadFrameEncoder.TRAILER_LENGTH;

    private final int maxLength;
    private final FrameBuffer<Decoded> buffer;

    public RatingPadFrameDecoder() {
        this(RatingPadFrameEncoder.MAX_PAYLOAD + MIN_LENGTH);
    }

    /** @param maxLength the largest LEN accepted; larger ones are {@link FrameError.Kind#LENGTH} errors */
    public RatingPadFrameDecoder(int maxLength) {
        if (maxLength < MIN_LENGTH || maxLength > 0xFFFF) {
            throw new IllegalArgumentException("maxLength must be " + MIN_LENGTH + "..65535, was " + maxLength);
        }
        this.maxLength = maxLength;
        this.buffer = new FrameBuffer<>(new PadFraming());
    }

    public List<Decoded> feed(byte[] data) {
        return buffer.feed(data);
    }

    /** Consumes {@code data[off..off+len)} and returns what it completed, in stream order. */
    public List<Decoded> feed(byte[] data, int off, int len) {
        return buffer.feed(data, off, len);
    }

    /**
     * Drops a partly received frame, e.g. after an answer timed out, so the next frame starts clean.
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

    private final class PadFraming implements FrameFormat<Decoded> {

        @Override
        public byte[] marker() {
            return new byte[] {(byte) STX};
        }

        @Override
        public int maxFrameBytes() {
            return HEADER + maxLength + TRAILER;
        }

        @Override
        public Cut<Decoded> cut(BufferedBytes b) {
            if (b.size() < HEADER) {
                return Cut.more();
            }
            int length = b.u16(1);
            if (length < MIN_LENGTH || length > maxLength) {
                return dropStx(FrameError.Kind.LENGTH, "LEN " + length + " outside " + MIN_LENGTH + ".." + maxLength);
            }
            int total = HEADER + length + TRAILER;
            if (b.size() < total) {
                // A cut-short frame whose LEN is garbage would hold back the good frames behind it until the
                // buffer fills: a complete good frame inside it proves it was cut short.
                int next = completeFrameAfterStart(b);
                return next > 0 ? Cut.take(next, new FrameError(FrameError.Kind.TRUNCATED, next,
                        "frame cut short after " + next + " bytes")) : Cut.more();
            }
            if (b.u8(total - 1) != RatingPadFrameEncoder.ETX) {
                return dropStx(FrameError.Kind.FRAMING, "no ETX after a frame of LEN " + length);
            }
            if (!crcMatches(b, 0, length)) {
                return dropStx(FrameError.Kind.CHECKSUM, "CRC mismatch in a frame of LEN " + length);
            }
            int seq = b.u8(3);
            int code = b.u8(4);
            Optional<PadCommand> command = PadCommand.of(code);
            if (command.isEmpty()) {
                // The frame is intact, so it is dropped whole and its SEQ can be NAKed.
                return Cut.take(total, new FrameError(FrameError.Kind.UNKNOWN_COMMAND, total, seq,
                        String.format("unknown CMD 0x%02X", code)));
            }
            return Cut.take(total, new PadFrame(seq, command.get(), b.copy(5, HEADER + length)));
        }

        private Cut<Decoded> dropStx(FrameError.Kind kind, String detail) {
            return Cut.take(1, new FrameError(kind, 1, detail));
        }

        /** Whether the frame at {@code at} with LEN {@code length} (all of it buffered) carries a matching CRC. */
        private boolean crcMatches(BufferedBytes b, int at, int length) {
            int crcAt = at + HEADER + length;
            return b.u16(crcAt) == b.checksum(Crc16Ccitt::of, at + 1, crcAt);
        }

        /** The first index after 0 where a whole, good frame (LEN, ETX and CRC) is buffered; -1 if none. */
        private int completeFrameAfterStart(BufferedBytes b) {
            for (int i = 1; i + HEADER + MIN_LENGTH + TRAILER <= b.size(); i++) {
                if (b.u8(i) != STX) {
                    continue;
                }
                int length = b.u16(i + 1);
                int end = i + HEADER + length + TRAILER;
                if (length >= MIN_LENGTH && length <= maxLength && end <= b.size()
                        && b.u8(end - 1) == RatingPadFrameEncoder.ETX && crcMatches(b, i, length)) {
                    return i;
                }
            }
            return -1;
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
