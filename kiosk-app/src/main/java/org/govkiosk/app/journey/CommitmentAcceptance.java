package org.govkiosk.app.journey;

import java.time.Instant;
import java.util.Objects;

/**
 * The citizen's explicit acceptance of a 容缺 commitment on the materials screen: the text exactly as it was shown
 * (in the citizen's language) and when it was accepted.
 */
public record CommitmentAcceptance(String text, Instant acceptedAt) {

    public CommitmentAcceptance {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an acceptance names the text accepted");
        }
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }
}
