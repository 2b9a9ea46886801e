package org.govkiosk.api;

/**
 * {@link ApiError#code()} values of the rating-pad endpoints, apart from {@link ErrorCodes} only because that
 * file was being edited elsewhere when they came; they belong there.
 */
public final class PadErrorCodes {

    /** The signing terminal has not bound itself to a window with {@link PadRegistration}. */
    public static final String PAD_NOT_REGISTERED = "pad-not-registered";
    /** A pad rating for a contact no rating request was sent to that pad's window for. */
    public static final String UNKNOWN_RATING_REQUEST = "unknown-rating-request";
    /** A pad rating whose window or clerk differ from the request's. */
    public static final String RATING_REQUEST_MISMATCH = "rating-request-mismatch";
    /** The event stream was asked for without {@code Accept: text/event-stream}. */
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    /** The pad's hall is not the hall its terminal was enrolled for. */
    public static final String HALL_MISMATCH = "hall-mismatch";

    private PadErrorCodes() {
    }
}
