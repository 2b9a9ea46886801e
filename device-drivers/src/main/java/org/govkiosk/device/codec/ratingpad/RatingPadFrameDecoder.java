package org.govkiosk.device.codec.ratingpad;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds rating pad frames in a byte stream delivered in chunks of any size. A small state machine over one
 * bounded buffer: hunt for STX, read LEN, wait for exactly that many bytes plus CRC and ETX (framing by length,
 * never by read size), then check ETX and the CRC. A candidate that fails gives up only its STX byte and the hunt
 * resumes at the next byte, because STX (0x02) is common inside payloads and the next real frame may start inside
 * a damaged one: so a damaged or cut-short frame costs that frame only. The buffer never holds more than one
 * frame of the maximum length: {@link #buffered()} {@code <} {@link #capacity()} after every call.
 * <p>Not thread-safe: one decoder per connection, fed from one thread at a time.
 */
public final class RatingPadFrameDecoder {

    /** LEN counts SEQ and CMD at least. */
    static final int MIN_LENGTH = 2;
    private static final int STX = RatingPadFrameEncoder.STX;
    private static final int HEADER = RatingPadFrameEncoder.HEADER_LENGTH;
    private static final int TRAILER = RatingPadFrameEncoder.TRAILER_LENGTH;

    private final int maxLength;
    private final byte[] buf;
    private int size;

    public RatingPadFrameDecoder() {
        this(RatingPadFrameEncoder.MAX_PAYLOAD + MIN_LENGTH);
    }

    /** @param maxLength the largest LEN accepted; larger ones are {@link FrameError.Kind#LENGTH} errors */
    public RatingPadFrameDecoder(int maxLength) {
        if (maxLength < MIN_LENGTH || maxLength > 0xFFFF) {
            throw new IllegalArgumentException("maxLength must be " + MIN_LENGTH + "..65535, was " + maxLength);
        }
        this.maxLength = maxLength;
        this.buf = new byte[HEADER + maxLength + TRAILER];
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
        while (size > 0) {
            int start = indexOfStx();
            if (start < 0) {
                drop(size, FrameError.Kind.GARBAGE, "bytes outside a frame", out);
                return;
            }
            drop(start, FrameError.Kind.GARBAGE, "bytes outside a frame", out);
            if (size < HEADER) {
                return;
            }
            int length = (buf[1] & 0xFF) << 8 | (buf[2] & 0xFF);
            if (length < MIN_LENGTH || length > maxLength) {
                drop(1, FrameError.Kind.LENGTH, "LEN " + length + " outside " + MIN_LENGTH + ".." + maxLength, out);
                continue;
            }
            int total = HEADER + length + TRAILER;
            if (size < total) {
                // A cut-short frame whose LEN is garbage would hold back the good frames behind it until the
                // buffer fills: a complete good frame inside it proves it was cut short.
                int next = completeFrameAfterStart();
                if (next > 0) {
                    drop(next, FrameError.Kind.TRUNCATED, "frame cut short after " + next + " bytes", out);
                    continue;
                }
                return;
            }
            if ((buf[total - 1] & 0xFF) != RatingPadFrameEncoder.ETX) {
                drop(1, FrameError.Kind.FRAMING, "no ETX after a frame of LEN " + length, out);
                continue;
            }
            if (!crcMatches(0, length)) {
                drop(1, FrameError.Kind.CHECKSUM, "CRC mismatch in a frame of LEN " + length, out);
                continue;
            }
            int seq = buf[3] & 0xFF;
            int code = buf[4] & 0xFF;
            Optional<PadCommand> command = PadCommand.of(code);
            if (command.isEmpty()) {
                // The frame is intact, so it is dropped whole and its SEQ can be NAKed.
                out.add(new FrameError(FrameError.Kind.UNKNOWN_COMMAND, total, seq,
                        String.format("unknown CMD 0x%02X", code)));
                consume(total);
                continue;
            }
            byte[] payload = new byte[length - MIN_LENGTH];
            System.arraycopy(buf, 5, payload, 0, payload.length);
            out.add(new PadFrame(seq, command.get(), payload));
            consume(total);
        }
    }

    /**
     * Drops a partly received frame, e.g. after an answer timed out, so the next frame starts clean.
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

    /** Whether the frame at {@code at} with LEN {@code length} (all of it buffered) carries a matching CRC. */
    private boolean crcMatches(int at, int length) {
        int crcAt = at + HEADER + length;
        int crc = (buf[crcAt] & 0xFF) << 8 | (buf[crcAt + 1] & 0xFF);
        return crc == Crc16Ccitt.of(buf, at + 1, crcAt);
    }

    /** The first index after 0 where a whole, good frame (LEN, ETX and CRC) is buffered; -1 if none. */
    private int completeFrameAfterStart() {
        for (int i = 1; i + HEADER + MIN_LENGTH + TRAILER <= size; i++) {
            if ((buf[i] & 0xFF) != STX) {
                continue;
            }
            int length = (buf[i + 1] & 0xFF) << 8 | (buf[i + 2] & 0xFF);
            int end = i + HEADER + length + TRAILER;
            if (length >= MIN_LENGTH && length <= maxLength && end <= size
                    && (buf[end - 1] & 0xFF) == RatingPadFrameEncoder.ETX && crcMatches(i, length)) {
                return i;
            }
        }
        return -1;
    }

    private int indexOfStx() {
        for (int i = 0; i < size; i++) {
            if ((buf[i] & 0xFF) == STX) {
                return i;
            }
        }
        return -1;
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
