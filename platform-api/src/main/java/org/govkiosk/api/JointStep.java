package org.govkiosk.api;

import java.time.Instant;

/**
 * One department's step of a joint case (联办件, 并联审批) as the case view shows it: the joint departments review
 * side by side, the lead department (牵头部门) decides after them.
 *
 * @param department the department, as the catalog names it
 * @param lead       the lead department, whose step is the decision
 * @param state      where the step stands
 * @param by         who recorded the latest state (the clerk's name or staff number); null while waiting
 * @param at         when; null while waiting
 * @param note       the department's written words (the reason of a refusal); null if none
 */
public record JointStep(String department, boolean lead, JointStepState state, String by, Instant at, String note) {

    public JointStep {
        Check.text(department, "department", 200);
        Check.present(state, "state");
        Check.optionalText(by, "by", 100);
        Check.optionalText(note, "note", 500);
    }
}
