package org.govkiosk.api;

import java.time.Instant;
import java.util.List;

/**
 * One bad rating (差评, level ≤ 2) on the hall managers' work list, with its follow-up. Nothing personal: the
 * platform never holds the rater's name with a rating.
 *
 * @param anonymous 不公开评价, as the citizen chose it on the rating screen. The work list names nobody either way;
 *                  the follow-up call (every bad rating is called back) reaches the citizen through
 *                  {@code caseNumber}, in the case record, not through the rating.
 */
public record BadRating(String ratingId, String caseNumber, String serviceSequence, String itemCode,
        String hallCode, String terminalId, String windowId, String clerkId, RatingChannel channel, int level,
        List<String> badReasons, String comment, boolean anonymous, Instant ratedAt, Instant receivedAt,
        FollowUpState followUpState, String followUpNote, Instant followUpAt) {

    public BadRating {
        Check.text(ratingId, "ratingId", 64);
        badReasons = Check.list(badReasons, "badReasons");
        Check.present(followUpState, "followUpState");
    }
}
