package org.govkiosk.api;

import java.time.Instant;
import java.util.List;

/**
 * What a returned case (退回件) shows and prints (退回通知): the department, its written reasons, what the applicant can
 * do next and when it was returned. Who returned it stays on the platform.
 *
 * @param nextSteps the department's words on what to do next; null when it gave none (the notice has its own)
 */
public record ReturnNotice(String department, List<String> reasons, String nextSteps, Instant returnedAt) {

    public ReturnNotice {
        Check.text(department, "department", 200);
        reasons = Check.list(reasons, "reasons");
        Check.optionalText(nextSteps, "nextSteps", 500);
        Check.present(returnedAt, "returnedAt");
    }
}
