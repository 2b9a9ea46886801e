package org.govkiosk.device.internal.codec.ratingpad;

/**
 * A stretch of the stream that is not a good frame. The decoder drops it and hunts for the next STX.
 *
 * @param bytes how many bytes were dropped
 * @param seq   the frame's SEQ where it can be trusted (an intact frame of an unknown command), else 0
 */
public record FrameError(Kind kind, int bytes, int seq, String detail) implements Decoded {

    public enum Kind {
        /** The frame's CRC-16 does not match its bytes. */
        CHECKSUM,
        /** The byte where the length says the frame ends is not ETX. */
        FRAMING,
        /** The length field is below 2 or above the decoder's maximum. */
        LENGTH,
        /** An intact frame (CRC good) with a CMD byte this protocol does not have. */
        UNKNOWN_COMMAND,
        /** The decoder was reset while part of a frame was buffered. */
        TRUNCATED,
        /** Bytes outside any frame (line noise, a device talking another protocol). */
        GARBAGE
    }

    public FrameError(Kind kind, int bytes, String detail) {
        this(kind, bytes, 0, detail);
    }
}
