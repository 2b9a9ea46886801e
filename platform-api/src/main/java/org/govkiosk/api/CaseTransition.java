package org.govkiosk.api;

/**
 * Clerk side: move a case to another state. {@code note} is required for 不予受理 and 补正 (the written reason /
 * the one-time list of everything missing).
 */
public record CaseTransition(CaseState to, String note) {

    public CaseTransition {
        Check.present(to, "to");
        Check.optionalText(note, "note", 2000);
        if (to.needsReason() && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("note is required when moving to " + to);
        }
    }
}
