package org.govkiosk.api;

/**
 * A manager records the follow-up of a bad rating. Resolving needs a note (what was done), so the work list
 * cannot be emptied by clicking.
 */
public record RatingFollowUp(String ratingId, FollowUpState state, String note) {

    public RatingFollowUp {
        Check.text(ratingId, "ratingId", 64);
        Check.present(state, "state");
        Check.optionalText(note, "note", 2000);
        if (state == FollowUpState.RESOLVED && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("note is required to resolve a bad rating");
        }
    }
}
