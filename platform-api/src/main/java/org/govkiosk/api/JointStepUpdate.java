package org.govkiosk.api;

/**
 * Clerk side: one department records its step of a joint case (联办件). A joint department may record
 * IN_PROGRESS, AGREED or REFUSED while the case is accepted or under review; the lead department agrees only once
 * every joint department agreed (its agreement decides the case: 办结); a refusal by any of them returns the case
 * (退回件) with the refusing department's reason. A decided step does not change.
 *
 * @param department the department, exactly as the case's steps name it
 * @param state      IN_PROGRESS, AGREED or REFUSED
 * @param clerk      who records it (name or staff number), kept with the step
 * @param note       the written reason; required for REFUSED
 */
public record JointStepUpdate(String department, JointStepState state, String clerk, String note) {

    public JointStepUpdate {
        Check.text(department, "department", 200);
        Check.present(state, "state");
        if (state == JointStepState.WAITING) {
            throw new IllegalArgumentException("state: a step is recorded as IN_PROGRESS, AGREED or REFUSED");
        }
        Check.text(clerk, "clerk", 100);
        Check.optionalText(note, "note", 500);
        if (note != null && note.isBlank()) {
            note = null;
        }
        if (state == JointStepState.REFUSED && note == null) {
            throw new IllegalArgumentException("note: a refusal needs its written reason");
        }
    }
}
