package org.govkiosk.device.internal.driver.camera;

import org.govkiosk.device.DeviceException;

/** What a {@link FrameSource} reports to, on the source's own thread. */
public interface FrameSink {

    /** The source can deliver frames (at start, or again after {@link #unavailable}). */
    void available();

    /** The source cannot deliver frames now (folder missing, not readable); it keeps trying. */
    void unavailable(DeviceException cause);

    /** The source has just looked for frames: a sign of life, whether or not it found one. */
    void checked();

    /**
     * Whether frames are wanted now. Frames that arrive while they are not are discarded unread, so a code shown
     * before a screen asked for one is never read later for someone else's purpose.
     */
    boolean wantsFrames();

    void frame(Frame frame);

    /** A file that is not a readable image (corrupt, truncated, unknown format, too large); it was set aside. */
    void unreadable(String name, String reason);

    /** A live source: whether the viewers of the preview want a picture now (asked on the capture thread). */
    default boolean wantsPreview() {
        return false;
    }

    /** A live source: a frame for the preview, on the capture thread; must return at once. */
    default void preview(Frame frame) {
    }

    /** A live source: one frame came from the device, whether or not anybody wanted it. */
    default void captured() {
    }

    /** A live source: a wanted frame was replaced by a newer one before the decoder took it (latest frame wins). */
    default void dropped() {
    }
}
