package org.govkiosk.device;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A document camera (高拍仪) that photographs a citizen's paper material on request. Only the picture taken after
 * the request counts: pictures that arrive while nobody asked are discarded unread, as a scanner's codes are.
 */
public interface DocumentCamera extends Device {

    /** One photographed page. Personal data (a citizen's document): never logged, never kept by the driver. */
    record Page(BufferedImage image, Instant takenAt) {
        public Page {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(takenAt, "takenAt");
        }

        @Override
        public String toString() {
            return "Page[" + image.getWidth() + "x" + image.getHeight() + " at " + takenAt + "]";
        }
    }

    /** Whether this camera is set up to photograph documents (not only to read codes). */
    boolean takesDocuments();

    /**
     * The next picture the camera delivers. Completes exceptionally with a {@link DeviceException}: {@code TIMEOUT}
     * when none came within {@code timeout}, {@code NOT_CONNECTED} at once when the camera is not usable, and
     * {@code DEVICE_FAULT} when a later request replaced this one.
     */
    CompletableFuture<Page> capture(Duration timeout);
}
