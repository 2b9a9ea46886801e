package org.govkiosk.device.codec;

/** Bytes a {@link FrameBuffer} drops on its own, whatever the protocol; each protocol names them its way. */
public enum FrameFault {
    /** Bytes before a frame's marker (line noise, a device talking another protocol). */
    GARBAGE,
    /** Part of a frame dropped by a reset, e.g. after its answer timed out. */
    TRUNCATED,
    /** A frame that outgrew the protocol's longest one: dropped up to the next marker. */
    TOO_LONG
}
