package org.govkiosk.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One 好差评 rating. On-site service is rated once per contact: a rating is keyed by case number plus service
 * sequence number; a second rating of the same contact is refused (409 {@link ErrorCodes#ALREADY_RATED}).
 *
 * @param idempotencyKey  a resend with the same key returns the first receipt
 * @param serviceSequence the contact within the case (一次一评), e.g. "1"
 * @param windowId        the window, for a pad rating; optional
 * @param clerkId         the clerk who served, for a pad rating; optional
 * @param level           5 非常满意 · 4 满意 · 3 基本满意 · 2 不满意 · 1 非常不满意
 * @param indicatorLevels optional level per indicator code (整体满意度, 服务效率, ...)
 * @param badReasons      indicator or reason codes; a bad rating (level ≤ 2) needs these or a comment
 * @param anonymous       不公开: the citizen does not want their name shown with the rating
 */
public record RatingSubmission(
        String idempotencyKey,
        String caseNumber,
        String serviceSequence,
        String itemCode,
        String hallCode,
        String terminalId,
        String windowId,
        String clerkId,
        RatingChannel channel,
        int level,
        Map<String, Integer> indicatorLevels,
        List<String> badReasons,
        String comment,
        boolean anonymous,
        Instant ratedAt) {

    public static final int BAD_LEVEL_MAX = 2;

    public RatingSubmission {
        Check.text(idempotencyKey, "idempotencyKey", 100);
        Check.text(caseNumber, "caseNumber", 64);
        Check.text(serviceSequence, "serviceSequence", 32);
        Check.text(itemCode, "itemCode", 64);
        Check.text(hallCode, "hallCode", 64);
        Check.text(terminalId, "terminalId", 64);
        Check.optionalText(windowId, "windowId", 64);
        Check.optionalText(clerkId, "clerkId", 64);
        Check.present(channel, "channel");
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("level must be 1 to 5, was " + level);
        }
        indicatorLevels = Check.map(indicatorLevels, "indicatorLevels");
        indicatorLevels.forEach((k, v) -> {
            if (v < 1 || v > 5) {
                throw new IllegalArgumentException("indicatorLevels." + k + " must be 1 to 5, was " + v);
            }
        });
        badReasons = Check.list(badReasons, "badReasons");
        Check.optionalText(comment, "comment", 1000);
        boolean hasReason = !badReasons.isEmpty() || (comment != null && !comment.isBlank());
        if (level <= BAD_LEVEL_MAX && !hasReason) {
            throw new IllegalArgumentException("a rating of " + level + " needs badReasons or a comment");
        }
        Check.present(ratedAt, "ratedAt");
    }

    /** 差评: level 2 or less. Not part of the JSON (it follows from the level). */
    @JsonIgnore
    public boolean isBad() {
        return level <= BAD_LEVEL_MAX;
    }
}
