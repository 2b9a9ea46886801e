package org.govkiosk.device.internal.codec.idcard;

/** What the stream decoder emits, in stream order: a frame or a framing error. */
public sealed interface Decoded permits SamFrame, FrameError {
}
