package org.govkiosk.api;

import java.util.List;

/**
 * Clerk side: a department returns a case (退回件) with its reasons in writing. The platform keeps the reasons with
 * the case and records who returned it; the terminal prints the 退回通知 from them.
 *
 * @param department the department that returns the case, as the notice names it
 * @param returnedBy who returned it (the clerk's name or staff number), kept for the record, never shown to the public
 * @param reasons    each reason on its own, as the notice lists them (1 to {@value #MAX_REASONS})
 * @param nextSteps  what the applicant can do next (e.g. 补齐材料后重新申报); the notice has its own words when null
 */
public record CaseReturn(String department, String returnedBy, List<String> reasons, String nextSteps) {

    public static final int MAX_REASONS = 20;

    public CaseReturn {
        Check.text(department, "department", 200);
        Check.optionalText(returnedBy, "returnedBy", 100); // from the staff session when there is one
        reasons = Check.list(reasons, "reasons");
        if (reasons.isEmpty() || reasons.size() > MAX_REASONS) {
            throw new IllegalArgumentException("reasons: 1 to " + MAX_REASONS + " written reasons, was "
                    + reasons.size());
        }
        for (int i = 0; i < reasons.size(); i++) {
            Check.text(reasons.get(i), "reasons[" + i + "]", 500);
        }
        Check.optionalText(nextSteps, "nextSteps", 500);
        if (nextSteps != null && nextSteps.isBlank()) {
            nextSteps = null;
        }
    }
}
