package org.govkiosk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as a progress query shows it (办件查询). Shown on a public screen: the applicant's name is masked and the
 * ID number is left out.
 *
 * @param note                 the written reason of the latest state, if it has one (不予受理, 补正)
 * @param overdue              past the promised date and not finished (电子监察)
 * @param certificateAvailable a certificate PDF can be fetched now
 * @param missingMaterials     what a case waiting for materials (补正) still needs, in the item's order; empty
 *                             otherwise
 * @param refusal              of a case refused (不予受理) whose department gave it: the legal basis and where to
 *                             appeal, for the 不予受理通知书 (its reason is {@code note}); null otherwise
 * @param returned             of a returned case (退回件): the department's written reasons, for the 退回通知; null
 *                             otherwise
 * @param deferral             of a case accepted with deferred materials (容缺受理): what is deferred, the deadline,
 *                             the citizen's acceptance and whether it is overdue; null otherwise
 * @param steps                of a joint case (联办件): each department's step, the joint departments first and the
 *                             lead department's decision last; empty (absent from the JSON) otherwise
 * @param mailing              of a case whose result is mailed (证照特快专递): its state and tracking number; null
 *                             (absent) otherwise
 */
public record CaseView(
        String caseNumber,
        String itemCode,
        String itemName,
        CaseKind kind,
        CaseState state,
        String applicantNameMasked,
        String terminalId,
        Instant submittedAt,
        Instant updatedAt,
        LocalDate promisedDate,
        boolean overdue,
        boolean certificateAvailable,
        String note,
        List<CaseEvent> history,
        List<Material> missingMaterials,
        NonAcceptance refusal,
        ReturnNotice returned,
        Deferral deferral,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<JointStep> steps,
        @JsonInclude(JsonInclude.Include.NON_NULL) Mailing mailing) {

    public CaseView {
        Check.text(caseNumber, "caseNumber", 64);
        Check.present(state, "state");
        history = Check.list(history, "history");
        missingMaterials = Check.list(missingMaterials, "missingMaterials");
        steps = Check.list(steps, "steps");
    }

    /** A view of a case that is not a joint case with departments' steps and is not mailed. */
    public CaseView(String caseNumber, String itemCode, String itemName, CaseKind kind, CaseState state,
            String applicantNameMasked, String terminalId, Instant submittedAt, Instant updatedAt,
            LocalDate promisedDate, boolean overdue, boolean certificateAvailable, String note,
            List<CaseEvent> history, List<Material> missingMaterials, NonAcceptance refusal, ReturnNotice returned,
            Deferral deferral) {
        this(caseNumber, itemCode, itemName, kind, state, applicantNameMasked, terminalId, submittedAt, updatedAt,
                promisedDate, overdue, certificateAvailable, note, history, missingMaterials, refusal, returned,
                deferral, List.of(), null);
    }

    /** The step of the joint case the case is at: the first joint step not decided, else the lead's; empty if none. */
    public java.util.Optional<JointStep> currentStep() {
        return steps.stream().filter(s -> !s.lead() && !s.state().isDecided()).findFirst()
                .or(() -> steps.stream().filter(JointStep::lead).findFirst());
    }

    /** A view without a refusal's legal basis (any case but one refused with it). */
    public CaseView(String caseNumber, String itemCode, String itemName, CaseKind kind, CaseState state,
            String applicantNameMasked, String terminalId, Instant submittedAt, Instant updatedAt,
            LocalDate promisedDate, boolean overdue, boolean certificateAvailable, String note,
            List<CaseEvent> history, List<Material> missingMaterials) {
        this(caseNumber, itemCode, itemName, kind, state, applicantNameMasked, terminalId, submittedAt, updatedAt,
                promisedDate, overdue, certificateAvailable, note, history, missingMaterials, null, null, null);
    }

    /** A view of a case not returned. */
    public CaseView(String caseNumber, String itemCode, String itemName, CaseKind kind, CaseState state,
            String applicantNameMasked, String terminalId, Instant submittedAt, Instant updatedAt,
            LocalDate promisedDate, boolean overdue, boolean certificateAvailable, String note,
            List<CaseEvent> history, List<Material> missingMaterials, NonAcceptance refusal) {
        this(caseNumber, itemCode, itemName, kind, state, applicantNameMasked, terminalId, submittedAt, updatedAt,
                promisedDate, overdue, certificateAvailable, note, history, missingMaterials, refusal, null, null);
    }
}
