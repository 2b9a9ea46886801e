package org.govkiosk.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Clerk side: move a case to another state. {@code note} is required for 不予受理 and 补正 (the written reason /
 * the one-time list of everything missing).
 *
 * @param materials the codes of the case's materials the department asks for (补正); only with
 *                  {@code to == NEEDS_SUPPLEMENT}. With them the note may be blank: the platform writes the request
 *                  from the materials' names, and the citizen can hand each one in at a terminal. Empty when absent.
 * @param refusal   only with {@code to == NOT_ACCEPTED}: the legal basis and where to appeal, from which the terminal
 *                  prints the 不予受理通知书 (the note is its reason); null when the department gives none
 */
public record CaseTransition(CaseState to, String note, List<String> materials, NonAcceptance refusal) {

    /** More than any item's list of materials; a bound so a bad client cannot make a huge request. */
    public static final int MAX_MATERIALS = 50;

    public CaseTransition {
        Check.present(to, "to");
        if (to == CaseState.RETURNED) {
            throw new IllegalArgumentException("to: a case is returned (" + CaseState.RETURNED + ") with its reasons"
                    + " through POST " + ApiPaths.CLERK_CASE_RETURN + ", not as a transition");
        }
        Check.optionalText(note, "note", 2000);
        materials = Check.list(materials, "materials");
        if (!materials.isEmpty() && to != CaseState.NEEDS_SUPPLEMENT) {
            throw new IllegalArgumentException("materials may only be named when moving to "
                    + CaseState.NEEDS_SUPPLEMENT + ", not to " + to);
        }
        if (materials.size() > MAX_MATERIALS) {
            throw new IllegalArgumentException("materials: at most " + MAX_MATERIALS + " codes, was "
                    + materials.size());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < materials.size(); i++) {
            String code = Check.text(materials.get(i), "materials[" + i + "]", 64);
            if (!seen.add(code)) {
                throw new IllegalArgumentException("materials: code " + code + " is named twice");
            }
        }
        if (refusal != null && to != CaseState.NOT_ACCEPTED) {
            throw new IllegalArgumentException("refusal may only be given when moving to " + CaseState.NOT_ACCEPTED
                    + ", not to " + to);
        }
        if (to.needsReason() && materials.isEmpty() && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("note is required when moving to " + to
                    + (to == CaseState.NEEDS_SUPPLEMENT ? " without naming materials" : ""));
        }
    }

    /** A move without named materials (every state but a 补正 that names them). */
    public CaseTransition(CaseState to, String note) {
        this(to, note, List.of(), null);
    }

    /** A move without a refusal's legal basis. */
    public CaseTransition(CaseState to, String note, List<String> materials) {
        this(to, note, materials, null);
    }

    /** 不予受理 with its reason ({@code note}), legal basis and where to appeal. */
    public static CaseTransition notAccepted(String reason, NonAcceptance refusal) {
        return new CaseTransition(CaseState.NOT_ACCEPTED, reason, List.of(), refusal);
    }
}
