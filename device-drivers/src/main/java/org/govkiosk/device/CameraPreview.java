package org.govkiosk.device;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A camera whose live picture can be shown to the citizen while they hold a code or a page to it. Pictures are
 * small copies of the frames (packed ARGB), handed over at a modest rate; what they show is personal data (a
 * citizen's code or document): never logged, never kept beyond the next picture.
 */
public interface CameraPreview extends Device {

    /** One preview picture: {@code argb} holds {@code width * height} packed ARGB pixels, row by row. */
    record Picture(int width, int height, int[] argb, Instant takenAt) {
        public Picture {
            Objects.requireNonNull(argb, "argb");
            Objects.requireNonNull(takenAt, "takenAt");
            if (width <= 0 || height <= 0 || argb.length != width * height) {
                throw new IllegalArgumentException("a " + width + "x" + height + " picture needs " + width * height
                        + " pixels, got " + argb.length);
            }
        }

        @Override
        public String toString() {
            return "Picture[" + width + "x" + height + " at " + takenAt + "]";
        }
    }

    /** A viewer's subscription; closing it stops the pictures. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /** Whether this camera delivers a live picture (a capture device; not a folder of picture files). */
    boolean hasLivePreview();

    /**
     * Hands {@code viewer} a picture at most {@code maxPerSecond} times a second, each at most {@code maxWidth}
     * pixels wide, on the camera's capture thread: the viewer must return at once (store it, post it to its UI
     * thread). Only while frames arrive; when the camera stops delivering (offline, unplugged) the viewer gets
     * {@code null} once, so that no frozen picture stays on a screen.
     */
    Watch watch(int maxPerSecond, int maxWidth, Consumer<Picture> viewer);
}
