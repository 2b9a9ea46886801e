package org.govkiosk.device.internal.codec.ratingpad;

/** What the rating pad stream decoder emits, in stream order: a frame or a framing error. */
public sealed interface Decoded permits PadFrame, FrameError {
}
