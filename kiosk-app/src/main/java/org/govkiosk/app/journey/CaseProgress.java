package org.govkiosk.app.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseView;

/**
 * One case as the progress screen shows it: nothing that the public screen may not show (the platform already
 * masks the name and leaves out the ID number).
 *
 * @param supplementRequest what the department asks to be brought (补正), when the case waits for it
 * @param reason            the written reason of a refusal (不予受理)
 */
public record CaseProgress(String caseNumber, String itemCode, String itemName, Optional<CaseKind> kind,
        CaseState state,
        String applicantNameMasked, Instant submittedAt, Optional<LocalDate> promisedDate, boolean overdue,
        boolean certificateAvailable, Optional<String> supplementRequest, Optional<String> reason) {

    public CaseProgress {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(state, "state");
    }

    public static CaseProgress of(CaseView v) {
        Optional<String> note = Optional.ofNullable(v.note()).filter(n -> !n.isBlank());
        return new CaseProgress(v.caseNumber(), v.itemCode() == null ? "" : v.itemCode(),
                v.itemName() == null ? "" : v.itemName(),
                Optional.ofNullable(v.kind()), v.state(),
                v.applicantNameMasked() == null ? "" : v.applicantNameMasked(), v.submittedAt(),
                Optional.ofNullable(v.promisedDate()), v.overdue(), v.certificateAvailable(),
                note.filter(n -> v.state() == CaseState.NEEDS_SUPPLEMENT),
                note.filter(n -> v.state() == CaseState.NOT_ACCEPTED));
    }

    /** Finished (办结): the citizen may rate it here, once (一事一评). */
    public boolean rateable() {
        return !itemCode.isEmpty() && (state == CaseState.COMPLETED || state == CaseState.CERTIFICATE_ISSUED);
    }

    /** Finished, with a certificate the terminal can print (自助出证). */
    public boolean printable() {
        return certificateAvailable
                && (state == CaseState.COMPLETED || state == CaseState.CERTIFICATE_ISSUED);
    }
}
