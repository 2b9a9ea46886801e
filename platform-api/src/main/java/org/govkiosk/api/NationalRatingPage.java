package org.govkiosk.api;

import java.util.List;

/**
 * Ratings in the order the platform received them. A forwarder asks again with {@code after=nextCursor} until a
 * page comes back empty; {@code nextCursor} is opaque and null on an empty page.
 */
public record NationalRatingPage(List<NationalRating> ratings, String nextCursor) {

    public NationalRatingPage {
        ratings = Check.list(ratings, "ratings");
    }
}
