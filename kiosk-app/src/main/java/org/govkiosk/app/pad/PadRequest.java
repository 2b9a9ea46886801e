package org.govkiosk.app.pad;

import java.time.Instant;
import org.govkiosk.api.RatingRequestEvent;

/**
 * A rating request as the pad holds it.
 *
 * @param validUntil on the pad's own clock: when it arrived plus how long the platform said it stays valid
 */
public record PadRequest(RatingRequestEvent event, Instant validUntil) {

    public String requestId() {
        return event.requestId();
    }
}
