package org.govkiosk.device.internal.codec.idcard;

/**
 * A stretch of the stream that is not a good frame. The decoder drops it and hunts for the next preamble.
 *
 * @param bytes how many bytes were dropped
 */
public record FrameError(Kind kind, int bytes, String detail) implements Decoded {

    public enum Kind {
        /** A whole frame arrived but its XOR checksum is wrong. */
        CHECKSUM,
        /** The length field is below the minimum or above the decoder's maximum. */
        LENGTH,
        /** A frame was cut short: the next preamble started inside it, or the decoder was reset mid-frame. */
        TRUNCATED,
        /** Bytes outside any frame (line noise, a device talking another protocol). */
        GARBAGE
    }
}
