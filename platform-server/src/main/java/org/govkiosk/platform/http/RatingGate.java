package org.govkiosk.platform.http;

import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingSubmission;

/**
 * What the rating endpoint asks before it stores a rating and tells after it was stored. The window pads'
 * gate implements it ({@code pads.PadRatingGate}); the endpoint knows only this, so {@code http} does not depend on
 * the packages that register routes with it.
 */
public interface RatingGate {

    /**
     * Called after the signature was verified and before the rating is stored.
     *
     * @throws ApiException when the signing terminal may not send this rating
     */
    void check(String signingTerminal, RatingSubmission rating);

    /** The rating was stored (or was a resend of a stored one). */
    void accepted(RatingSubmission rating, RatingReceipt receipt);
}
