package org.govkiosk.api;

/**
 * The pad's event stream ({@link ApiPaths#PAD_EVENTS}, text/event-stream): events named here, with JSON
 * {@code data} and a numeric {@code id}; comment lines as heartbeats. A pad reconnecting sends the last id it saw
 * as {@code Last-Event-ID} and is sent what it missed; without one it is sent the window's open request.
 */
public final class PadEvents {

    /** data: {@link RatingRequestEvent}. */
    public static final String RATING_REQUEST = "rating-request";
    /** data: {@link RatingRequestClosed}. */
    public static final String RATING_REQUEST_CLOSED = "rating-request-closed";
    /** data: {@link PadRegistrationReceipt}; the first event of every stream, without an id. */
    public static final String HELLO = "hello";

    private PadEvents() {
    }
}
