package org.govkiosk.api;

import java.time.Instant;
import java.util.List;

/**
 * An appeal against a bad rating and where it stands. {@code stateLabel} is the state as managers read it (申诉中,
 * 申诉成立, 申诉不成立). The evidence is listed without its content (fetch each image by its number).
 */
public record RatingAppeal(String appealId, String ratingId, int level, AppealState state, String stateLabel,
        String filedBy, String department, String explanation, List<Evidence> evidence, Instant filedAt,
        String reviewedBy, String decisionReason, Instant decidedAt) {

    public RatingAppeal {
        evidence = List.copyOf(evidence);
    }

    /** One image of the evidence: its number (1, 2, ...), type, size and SHA-256. */
    public record Evidence(int number, String mediaType, int bytes, String sha256) {
    }

    public static String label(AppealState state) {
        return switch (state) {
            case OPEN -> "申诉中";
            case UPHELD -> "申诉成立";
            case REJECTED -> "申诉不成立";
        };
    }
}
