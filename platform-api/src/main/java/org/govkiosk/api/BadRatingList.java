package org.govkiosk.api;

import java.util.List;

/** Clerk side: bad ratings, oldest first (the one waiting longest comes first on a work list). */
public record BadRatingList(List<BadRating> ratings) {

    public BadRatingList {
        ratings = Check.list(ratings, "ratings");
    }
}
