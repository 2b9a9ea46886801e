package org.govkiosk.print.data;

import java.time.LocalDate;
import java.util.List;

/**
 * 退回通知 of a returned case (退回件): the department's reasons in writing, each on its own line, and what the
 * applicant can do next.
 *
 * @param nextSteps the department's own words on what to do next; null when it gave none (the template's words stand)
 * @param returnedOn the day the department returned the case (the notice's date)
 */
public record ReturnNoticeData(
        String departmentName,
        String applicantName,
        String caseNumber,
        String itemName,
        LocalDate submittedOn,
        List<ReturnReason> reasons,
        String nextSteps,
        String hallAddress,
        String contactPhone,
        LocalDate returnedOn) implements TemplateData {

    public ReturnNoticeData {
        reasons = reasons == null ? null : List.copyOf(reasons);
    }

    @Override
    public TemplateKind kind() {
        return TemplateKind.RETURN_NOTICE;
    }
}
