package org.govkiosk.app.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.Deferral;
import org.govkiosk.api.JointStep;
import org.govkiosk.api.Mailing;
import org.govkiosk.api.Material;
import org.govkiosk.api.NonAcceptance;
import org.govkiosk.api.ReturnNotice;

/**
 * One case as the progress screen shows it: nothing that the public screen may not show (the platform already
 * masks the name and leaves out the ID number).
 *
 * @param supplementRequest what the department asks to be brought (补正), when the case waits for it
 * @param reason            the written reason of a refusal (不予受理)
 * @param missingMaterials  what a case waiting for materials (补正) still needs, each by the item's code
 * @param refusal           of a refused case (不予受理) whose department gave it: the legal basis and where to appeal,
 *                          from which the 不予受理通知书 prints
 * @param decidedAt         when a refused case was decided (the notice's date)
 * @param returned          of a returned case (退回件): the department's written reasons, from which the 退回通知 prints
 * @param deferral          of a case accepted with deferred materials (容缺受理): what is deferred, the platform's
 *                          deadline, the acceptance, whether it came or is overdue; the 容缺受理承诺书 prints from it
 * @param steps             of a joint case (联办件): each department's step, the joint ones first, the lead's last
 * @param mailing           of a case whose result is mailed (证照特快专递): its state and tracking number
 */
public record CaseProgress(String caseNumber, String itemCode, String itemName, Optional<CaseKind> kind,
        CaseState state,
        String applicantNameMasked, Instant submittedAt, Optional<LocalDate> promisedDate, boolean overdue,
        boolean certificateAvailable, Optional<String> supplementRequest, Optional<String> reason,
        List<Material> missingMaterials, Optional<NonAcceptance> refusal, Optional<Instant> decidedAt,
        Optional<ReturnNotice> returned, Optional<Deferral> deferral, List<JointStep> steps,
        Optional<Mailing> mailing) {

    /** A case that is no joint case with departments' steps and is not mailed. */
    public CaseProgress(String caseNumber, String itemCode, String itemName, Optional<CaseKind> kind,
            CaseState state, String applicantNameMasked, Instant submittedAt, Optional<LocalDate> promisedDate,
            boolean overdue, boolean certificateAvailable, Optional<String> supplementRequest, Optional<String> reason,
            List<Material> missingMaterials, Optional<NonAcceptance> refusal, Optional<Instant> decidedAt,
            Optional<ReturnNotice> returned, Optional<Deferral> deferral) {
        this(caseNumber, itemCode, itemName, kind, state, applicantNameMasked, submittedAt, promisedDate, overdue,
                certificateAvailable, supplementRequest, reason, missingMaterials, refusal, decidedAt, returned,
                deferral, List.of(), Optional.empty());
    }

    public CaseProgress {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(state, "state");
        missingMaterials = List.copyOf(missingMaterials);
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(returned, "returned");
        Objects.requireNonNull(deferral, "deferral");
        steps = List.copyOf(steps);
        Objects.requireNonNull(mailing, "mailing");
    }

    /**
     * The step of a joint case the case is at while it is being decided: the first joint department's step not
     * decided, else the lead department's; empty for other cases and once the case is decided.
     */
    public Optional<JointStep> currentStep() {
        if (state != CaseState.ACCEPTED && state != CaseState.IN_REVIEW && state != CaseState.SUBMITTED) {
            return Optional.empty();
        }
        return steps.stream().filter(s -> !s.lead() && !s.state().isDecided()).findFirst()
                .or(() -> steps.stream().filter(s -> s.lead() && !s.state().isDecided()).findFirst());
    }

    public static CaseProgress of(CaseView v) {
        Optional<String> note = Optional.ofNullable(v.note()).filter(n -> !n.isBlank());
        return new CaseProgress(v.caseNumber(), v.itemCode() == null ? "" : v.itemCode(),
                v.itemName() == null ? "" : v.itemName(),
                Optional.ofNullable(v.kind()), v.state(),
                v.applicantNameMasked() == null ? "" : v.applicantNameMasked(), v.submittedAt(),
                Optional.ofNullable(v.promisedDate()), v.overdue(), v.certificateAvailable(),
                note.filter(n -> v.state() == CaseState.NEEDS_SUPPLEMENT),
                note.filter(n -> v.state() == CaseState.NOT_ACCEPTED),
                v.state() == CaseState.NEEDS_SUPPLEMENT ? v.missingMaterials() : List.of(),
                Optional.ofNullable(v.refusal()).filter(r -> v.state() == CaseState.NOT_ACCEPTED),
                Optional.ofNullable(v.updatedAt()).filter(t -> v.state() == CaseState.NOT_ACCEPTED),
                Optional.ofNullable(v.returned()).filter(r -> v.state() == CaseState.RETURNED
                        && !r.reasons().isEmpty()),
                Optional.ofNullable(v.deferral()), v.steps(), Optional.ofNullable(v.mailing()));
    }

    /**
     * Waits for materials the department named (补正, 补办件): the 一次性告知书 listing them can be printed here.
     */
    public boolean supplementNoticePrintable() {
        return state == CaseState.NEEDS_SUPPLEMENT && !missingMaterials.isEmpty() && !applicantNameMasked.isBlank();
    }

    /** Accepted with deferred materials (容缺受理): the 容缺受理承诺书 can be printed again here. */
    public boolean commitmentPrintable() {
        return deferral.isPresent() && !deferral.get().materials().isEmpty() && !applicantNameMasked.isBlank();
    }

    /** Returned (退回件) with the department's written reasons: the 退回通知 can be printed here. */
    public boolean returnNoticePrintable() {
        return state == CaseState.RETURNED && returned.isPresent();
    }

    /**
     * Refused (不予受理) with its reason and the department's legal basis and appeal: the 不予受理通知书 can be
     * printed here.
     */
    public boolean refusalNoticePrintable() {
        return state == CaseState.NOT_ACCEPTED && reason.isPresent() && refusal.isPresent();
    }

    /** Finished (办结): the citizen may rate it here, once (一事一评). */
    public boolean rateable() {
        return !itemCode.isEmpty() && (state == CaseState.COMPLETED || state == CaseState.CERTIFICATE_ISSUED);
    }

    /** Waits for materials this terminal can take in (补交材料): the platform named each one. */
    public boolean supplementable() {
        return state == CaseState.NEEDS_SUPPLEMENT && !missingMaterials.isEmpty();
    }

    /** Finished, with a certificate the terminal can print (自助出证). */
    public boolean printable() {
        return certificateAvailable
                && (state == CaseState.COMPLETED || state == CaseState.CERTIFICATE_ISSUED);
    }
}
