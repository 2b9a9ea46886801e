package org.govkiosk.print.data;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * 受理回执 for a 承诺件: what was accepted, when it will be finished, and how to follow it. The applicant appears
 * masked only: the receipt may be left at the terminal.
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
        String terminalId) implements TemplateData {

    @Override
    public TemplateKind kind() {
        return TemplateKind.ACCEPTANCE_RECEIPT;
    }
}
