package org.govkiosk.print.data;

import java.time.LocalDate;
import org.govkiosk.print.model.ImageData;

/**
 * 不予受理通知书: a refusal always carries its reason and legal basis, and tells the applicant where to seek
 * administrative review (行政复议) or sue (行政诉讼).
 */
public record NonAcceptanceNoticeData(
        String departmentName,
        String noticeNumber,
        String applicantName,
        String caseNumber,
        String itemName,
        LocalDate submittedOn,
        String reason,
        String legalBasis,
        String reviewAuthority,
        String court,
        String contactPhone,
        LocalDate issuedOn,
        ImageData seal) implements TemplateData {

    @Override
    public TemplateKind kind() {
        return TemplateKind.NON_ACCEPTANCE_NOTICE;
    }
}
