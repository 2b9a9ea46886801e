package org.govkiosk.api;

import java.time.Instant;

/**
 * What a pad receives on its event stream ({@link PadEvents#RATING_REQUEST}): the case and the clerk to rate.
 * {@code sentAt} is the platform's clock when it was written, so a pad works out how long it stays valid
 * ({@code expiresAt - sentAt}) without trusting its own clock to agree with the platform's.
 */
public record RatingRequestEvent(String requestId, String hallCode, String windowId, String caseNumber,
        String serviceSequence, String itemCode, String itemName, String clerkId, String clerkName,
        Instant requestedAt, Instant expiresAt, Instant sentAt) {

    public RatingRequestEvent {
        Check.text(requestId, "requestId", 64);
        Check.text(caseNumber, "caseNumber", 64);
        Check.text(serviceSequence, "serviceSequence", 32);
        Check.text(itemCode, "itemCode", 64);
        Check.present(requestedAt, "requestedAt");
        Check.present(expiresAt, "expiresAt");
        Check.present(sentAt, "sentAt");
    }

    /** How long the request is still valid when it was sent; never negative. */
    public java.time.Duration remainingAtSend() {
        java.time.Duration d = java.time.Duration.between(sentAt, expiresAt);
        return d.isNegative() ? java.time.Duration.ZERO : d;
    }
}
