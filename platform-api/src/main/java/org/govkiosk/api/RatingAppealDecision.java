package org.govkiosk.api;

/**
 * A reviewer's decision on an open appeal, with the reason in writing.
 *
 * @param uphold     true: 申诉成立 (the rating leaves the scores); false: 申诉不成立
 * @param reviewedBy who decides; never the one who filed the appeal
 */
public record RatingAppealDecision(Boolean uphold, String reviewedBy, String reason) {

    public RatingAppealDecision {
        Check.present(uphold, "uphold");
        Check.text(reviewedBy, "reviewedBy", 64);
        Check.text(reason, "reason", 2000);
    }
}
