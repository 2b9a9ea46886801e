package org.govkiosk.api;

import java.util.List;

/** Appeals, oldest first. */
public record RatingAppealList(List<RatingAppeal> appeals) {

    public RatingAppealList {
        appeals = List.copyOf(appeals);
    }
}
