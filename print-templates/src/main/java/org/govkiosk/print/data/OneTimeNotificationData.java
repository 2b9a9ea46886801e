package org.govkiosk.print.data;

import java.time.LocalDate;
import java.util.List;

/**
 * 一次性告知书: every missing material at once, so the applicant never has to come back twice.
 *
 * @param correctionDays     working days given to bring what is missing (补正期限)
 * @param correctionDeadline the last of those days, counted on the working calendar (holidays and 调休)
 */
public record OneTimeNotificationData(
        String departmentName,
        String noticeNumber,
        String applicantName,
        String caseNumber,
        String itemName,
        LocalDate submittedOn,
        List<MissingMaterial> missingMaterials,
        Integer correctionDays,
        LocalDate correctionDeadline,
        String hallAddress,
        String contactPhone,
        LocalDate issuedOn) implements TemplateData {

    public OneTimeNotificationData {
        missingMaterials = missingMaterials == null ? null : List.copyOf(missingMaterials);
    }

    @Override
    public TemplateKind kind() {
        return TemplateKind.ONE_TIME_NOTIFICATION;
    }
}
