package org.govkiosk.print.data;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * 受理回执 for a 承诺件: what was accepted, when it will be finished, and how to follow it. The applicant appears
 * masked only: the receipt may be left at the terminal.
 *
 * @param ratingUrl the case's phone rating page (评价二维码) as the platform's signed receipt gave it; null when the
 *                  platform gave none (the template then leaves the code out)
 * @param leadDepartment   of a 联办件: the lead department that accepts and coordinates (null otherwise)
 * @param jointDepartments of a 联办件: the joint departments, as one text (e.g. 示例市卫生健康委员会、示例市医疗保障局);
 *                         null otherwise, and the receipt then names none
 */
public record AcceptanceReceiptData(
        String hallName,
        String caseNumber,
        String itemName,
        MaskedText applicantName,
        MaskedText applicantIdNumber,
        LocalDateTime acceptedAt,
        LocalDate promisedDate,
        String progressQueryUrl,
        String hallAddress,
        String hallPhone,
        String terminalId,
        String ratingUrl,
        String leadDepartment,
        String jointDepartments) implements TemplateData {

    /** The receipt of a case that is no 联办件, without a rating link. */
    public AcceptanceReceiptData(String hallName, String caseNumber, String itemName, MaskedText applicantName,
            MaskedText applicantIdNumber, LocalDateTime acceptedAt, LocalDate promisedDate, String progressQueryUrl,
            String hallAddress, String hallPhone, String terminalId) {
        this(hallName, caseNumber, itemName, applicantName, applicantIdNumber, acceptedAt, promisedDate,
                progressQueryUrl, hallAddress, hallPhone, terminalId, null, null, null);
    }

    @Override
    public TemplateKind kind() {
        return TemplateKind.ACCEPTANCE_RECEIPT;
    }
}
