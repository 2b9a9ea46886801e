package org.govkiosk.api;

import java.time.Instant;

/**
 * The platform's answer to a {@link RatingRequest}.
 *
 * @param padsReached          pads of the window connected when it was sent (0: it waits for a pad to connect)
 * @param supersededRequestId  the window's older pending request this one replaced, if any
 * @param duplicate            the same contact was requested already and is still pending: that request is kept
 */
public record RatingRequestReceipt(String requestId, long eventId, Instant expiresAt, int padsReached,
        String supersededRequestId, boolean duplicate) {

    public RatingRequestReceipt {
        Check.text(requestId, "requestId", 64);
        Check.present(expiresAt, "expiresAt");
    }
}
