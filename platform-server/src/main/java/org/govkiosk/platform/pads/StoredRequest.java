package org.govkiosk.platform.pads;

import java.time.Instant;
import org.govkiosk.api.RatingRequestEvent;

/** A rating request as the platform keeps it: the request, its event ids and where it stands. */
record StoredRequest(String requestId, long eventId, String hallCode, String windowId, String caseNumber,
        String serviceSequence, String itemCode, String itemName, String clerkId, String clerkName,
        Instant requestedAt, Instant expiresAt, State state, Long closedEventId) {

    enum State {
        /** Waiting for a rating. */
        OPEN,
        /** A newer request for the window replaced it. */
        SUPERSEDED,
        /** The contact was rated. */
        RATED
    }

    boolean openAt(Instant now) {
        return state == State.OPEN && now.isBefore(expiresAt);
    }

    boolean sameContact(String caseNumber, String serviceSequence) {
        return this.caseNumber.equals(caseNumber) && this.serviceSequence.equals(serviceSequence);
    }

    WindowKey window() {
        return new WindowKey(hallCode, windowId);
    }

    RatingRequestEvent toEvent(Instant sentAt) {
        return new RatingRequestEvent(requestId, hallCode, windowId, caseNumber, serviceSequence, itemCode, itemName,
                clerkId, clerkName, requestedAt, expiresAt, sentAt);
    }
}
