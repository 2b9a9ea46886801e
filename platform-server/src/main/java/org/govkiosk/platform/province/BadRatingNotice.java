package org.govkiosk.platform.province;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A 差评通报单 as the province sends it down ({@code BadRatingNotice} in {@code province-haochaping.yaml}): which
 * rating (this platform's id, or the case and contact), by when it must be followed up, and why.
 */
public record BadRatingNotice(String noticeNumber, String ratingId, String caseNumber, String serviceSequence, int level,
        List<String> reasons, LocalDate deadline, Instant issuedAt, String issuer) {

    public BadRatingNotice {
        text(noticeNumber, "noticeNumber", 64, true);
        text(ratingId, "ratingId", 64, false);
        text(caseNumber, "caseNumber", 64, true);
        text(serviceSequence, "serviceSequence", 32, true);
        text(issuer, "issuer", 200, false);
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("level must be 1 to 5, was " + level);
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        if (reasons.size() > 20 || reasons.stream().anyMatch(r -> r == null || r.length() > 200)) {
            throw new IllegalArgumentException("reasons: at most 20, each at most 200 characters");
        }
        if (deadline == null || issuedAt == null) {
            throw new IllegalArgumentException("deadline and issuedAt are required");
        }
    }

    private static void text(String value, String name, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new IllegalArgumentException(name + " is required");
            }
            return;
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " is at most " + max + " characters");
        }
    }
}
