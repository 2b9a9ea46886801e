package org.govkiosk.print.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * 容缺受理承诺书: the commitment the citizen accepted at the terminal when materials were deferred (容缺受理): what is
 * deferred, by when it must be handed in (counted on the working calendar), what happens if it is not, and the
 * acceptance itself (when, which text version). The applicant appears masked: it is printed on the receipt printer.
 *
 * @param departmentName the department that accepted the case, when known (left out when not)
 * @param caseNumber   the case number, or the terminal's own reference while the platform has not answered
 * @param deferralDays the working days given, when known (at the application; 办件查询 knows the deadline only)
 * @param textVersion  the version of the commitment text the citizen accepted
 */
public record DeferralCommitmentData(
        String hallName,
        String departmentName,
        String caseNumber,
        String itemName,
        MaskedText applicantName,
        List<DeferredMaterial> deferred,
        Integer deferralDays,
        LocalDate deadline,
        LocalDateTime acceptedAt,
        String textVersion,
        String hallPhone,
        String progressQueryUrl) implements TemplateData {

    public DeferralCommitmentData {
        deferred = deferred == null ? null : List.copyOf(deferred);
    }

    @Override
    public TemplateKind kind() {
        return TemplateKind.DEFERRAL_COMMITMENT;
    }
}
