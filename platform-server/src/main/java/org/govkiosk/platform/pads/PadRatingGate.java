package org.govkiosk.platform.pads;

import java.util.List;
import java.util.Objects;
import org.govkiosk.api.PadErrorCodes;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.http.ApiException;
import org.govkiosk.platform.http.RatingGate;

/**
 * What the rating endpoint asks before it stores a window-pad rating, and tells after: a pad may only rate a
 * contact a rating request was sent to its window for, for that request's clerk and item. Ratings from
 * self-service terminals pass unchecked (the citizen rates there without any request).
 *
 * <p>Called by {@code RatingRoutes}: {@link #check} after the signature and {@code requireSame}, {@link #accepted}
 * after the store answered. Replays and double submissions are the rating store's (idempotency key, one rating
 * per contact); this adds only what a pad could fake.
 */
public final class PadRatingGate implements RatingGate {

    private final PadDirectory directory;
    private final RatingRequestService requests;

    PadRatingGate(PadDirectory directory, RatingRequestService requests) {
        this.directory = directory;
        this.requests = requests;
    }

    /** @throws ApiException 403 (not a pad) or 409 (no such request for its window, or other clerk or item) */
    @Override
    public void check(String signingTerminal, RatingSubmission rating) {
        if (rating.channel() != RatingChannel.WINDOW_PAD) {
            return;
        }
        PadBinding pad = directory.binding(signingTerminal).orElseThrow(() -> ApiException.client(403,
                PadErrorCodes.PAD_NOT_REGISTERED, "terminal " + signingTerminal
                        + " is not a rating pad bound to a window; it cannot send window ratings"));
        List<StoredRequest> forWindow = requests.requestsFor(rating.caseNumber(), rating.serviceSequence()).stream()
                .filter(r -> r.window().equals(pad.window()))
                .toList();
        if (forWindow.isEmpty()) {
            throw ApiException.client(409, PadErrorCodes.UNKNOWN_RATING_REQUEST, "no rating request was sent to"
                    + " window " + pad.windowId() + " for case " + rating.caseNumber() + " contact "
                    + rating.serviceSequence());
        }
        // Superseded requests count: the citizen may have been rating while the clerk sent the next one.
        StoredRequest request = forWindow.get(forWindow.size() - 1);
        if (!Objects.equals(rating.clerkId(), request.clerkId())
                || (rating.windowId() != null && !rating.windowId().equals(request.windowId()))
                || !rating.itemCode().equals(request.itemCode())) {
            throw ApiException.client(409, PadErrorCodes.RATING_REQUEST_MISMATCH, "the rating's clerk, window or item"
                    + " is not the one of the rating request for case " + rating.caseNumber());
        }
    }

    /** The rating was stored (or was a resend): the contact's open requests close on every pad. */
    @Override
    public void accepted(RatingSubmission rating, RatingReceipt receipt) {
        requests.rated(receipt.caseNumber(), receipt.serviceSequence());
    }
}
