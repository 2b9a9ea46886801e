package org.govkiosk.device;

import java.util.concurrent.CompletableFuture;

/** A window-side rating pad; publishes {@link DeviceEvent.RatingEntered}. */
public interface RatingPad extends Device {

    /** Shows a rating request; completes once the pad has acknowledged it. */
    CompletableFuture<Void> show(RatingRequest request);

    /** Returns the pad to its idle screen. */
    CompletableFuture<Void> clear();

    /** What the pad shows: the service to rate and who gave it (the clerk's name is public on the window). */
    record RatingRequest(String requestId, String itemName, String clerkName, String windowName) {
    }
}
