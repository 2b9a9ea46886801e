package org.govkiosk.api;

/** A pad must drop a request it may show ({@link PadEvents#RATING_REQUEST_CLOSED}). */
public record RatingRequestClosed(String requestId, Reason reason) {

    /** Why the request is no longer open. */
    public enum Reason {
        /** A newer request for the same window replaced it. */
        SUPERSEDED,
        /** The contact was rated (on this pad or another one of the window). */
        RATED
    }

    public RatingRequestClosed {
        Check.text(requestId, "requestId", 64);
        Check.present(reason, "reason");
    }
}
