package org.govkiosk.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A clerk's step on the follow-up ledger. Which fields count depends on the action: ASSIGN takes the owner
 * (ownerDepartment and/or ownerClerk); CALL_BACK takes citizenSaid (and calledBackAt, else now); EXTEND takes a
 * written reason and newDeadline; CLOSE takes rectification and outcome (and may carry the call-back of a simple
 * case closed at once).
 */
public record RatingLedgerAction(String ratingId, LedgerActionKind action, String by, String ownerDepartment,
        String ownerClerk, Instant calledBackAt, String citizenSaid, String reason, LocalDate newDeadline,
        String rectification, String outcome) {

    public RatingLedgerAction {
        Check.text(ratingId, "ratingId", 64);
        Check.present(action, "action");
        Check.optionalText(by, "by", 64); // from the staff session when there is one
        Check.optionalText(ownerDepartment, "ownerDepartment", 100);
        Check.optionalText(ownerClerk, "ownerClerk", 64);
        Check.optionalText(citizenSaid, "citizenSaid", 2000);
        Check.optionalText(reason, "reason", 2000);
        Check.optionalText(rectification, "rectification", 2000);
        Check.optionalText(outcome, "outcome", 200);
        switch (action) {
            case ASSIGN -> {
                if (blank(ownerDepartment) && blank(ownerClerk)) {
                    throw new IllegalArgumentException("ASSIGN needs ownerDepartment or ownerClerk");
                }
            }
            case CALL_BACK -> {
                if (blank(citizenSaid)) {
                    throw new IllegalArgumentException("CALL_BACK needs citizenSaid (what the citizen said)");
                }
            }
            case EXTEND -> {
                if (blank(reason)) {
                    throw new IllegalArgumentException("an extension needs a written reason");
                }
                Check.present(newDeadline, "newDeadline");
            }
            case CLOSE -> {
                if (blank(rectification) || blank(outcome)) {
                    throw new IllegalArgumentException("CLOSE needs the rectification and the outcome");
                }
            }
            default -> throw new IllegalArgumentException("unknown action " + action);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
