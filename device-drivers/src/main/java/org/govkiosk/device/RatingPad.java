package org.govkiosk.device;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A window-side rating pad. Every request given to {@link #show} ends in exactly one event: a
 * {@link DeviceEvent.RatingEntered} or a {@link DeviceEvent.RatingCancelled} saying why it was not rated.
 */
public interface RatingPad extends Device {

    /** Shows a rating request; completes once the pad has acknowledged it. */
    CompletableFuture<Void> show(RatingRequest request);

    /** Returns the pad to its idle screen. */
    CompletableFuture<Void> clear();

    /**
     * What the pad shows: the service to rate and who gave it (the clerk's name is public on the window), and
     * how long the pad offers the rating before it returns to idle by itself.
     */
    record RatingRequest(String requestId, String itemName, String clerkName, String windowName, Duration timeout) {

        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

        public RatingRequest {
            Objects.requireNonNull(requestId, "requestId");
            timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        }

        public RatingRequest(String requestId, String itemName, String clerkName, String windowName) {
            this(requestId, itemName, clerkName, windowName, DEFAULT_TIMEOUT);
        }
    }
}
