package org.govkiosk.api;

import java.time.Instant;

/** The platform's answer to a rating; {@code duplicate} when it answers a resend with the same key. */
public record RatingReceipt(String ratingId, String caseNumber, String serviceSequence, Instant receivedAt,
        boolean duplicate) {

    public RatingReceipt {
        Check.text(ratingId, "ratingId", 64);
        Check.present(receivedAt, "receivedAt");
    }
}
