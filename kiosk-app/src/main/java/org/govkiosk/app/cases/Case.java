package org.govkiosk.app.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.govkiosk.api.Applicant;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.Material;

/**
 * One application (办件) for one item by one applicant, as a value. It gets its local id and idempotency key when
 * it is created, so every resend of it, after any crash, is the same submission to the platform. The case number
 * comes from the platform and is opaque.
 *
 * <p>{@code Applicant} and {@code Material} are the platform API's records: the terminal sends what it collects,
 * and a second copy of the same shape would only drift.
 */
public record Case(String localId, String idempotencyKey, ServiceItem item, CaseKind kind, Applicant applicant,
        FormData form, List<Material> materials, Instant createdAt, CaseStage stage, Optional<String> caseNumber,
        Optional<CaseState> platformState) {

    public Case {
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(form, "form");
        materials = List.copyOf(materials);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(platformState, "platformState");
        if ((stage == CaseStage.REGISTERED) != caseNumber.isPresent()) {
            throw new IllegalArgumentException("a case has a case number exactly when the platform registered it");
        }
    }

    /** A new draft with fresh ids; the kind is the item's usual one. */
    public static Case draft(ServiceItem item, Applicant applicant, FormData form, List<Material> materials,
            Clock clock) {
        return draft(UUID.randomUUID().toString(), item, applicant, form, materials, clock);
    }

    /** A new draft filed under {@code idempotencyKey}: the same key again is the same case on the platform. */
    public static Case draft(String idempotencyKey, ServiceItem item, Applicant applicant, FormData form,
            List<Material> materials, Clock clock) {
        return new Case(UUID.randomUUID().toString(), idempotencyKey, item, item.defaultKind(),
                applicant, form, materials, clock.instant(), CaseStage.DRAFT, Optional.empty(), Optional.empty());
    }

    public Case withForm(FormData newForm) {
        requireDraft("change the form");
        return new Case(localId, idempotencyKey, item, kind, applicant, newForm, materials, createdAt, stage,
                caseNumber, platformState);
    }

    public Case withMaterials(List<Material> newMaterials) {
        requireDraft("change the materials");
        return new Case(localId, idempotencyKey, item, kind, applicant, form, newMaterials, createdAt, stage,
                caseNumber, platformState);
    }

    /** The citizen confirmed: the case goes to the outbox. */
    public Case queued() {
        requireDraft("queue it");
        return new Case(localId, idempotencyKey, item, kind, applicant, form, materials, createdAt, CaseStage.QUEUED,
                Optional.empty(), Optional.empty());
    }

    /** The platform's receipt: the case number and state from now on. */
    public Case registered(CaseReceipt receipt) {
        if (stage == CaseStage.DRAFT) {
            throw new IllegalStateException("case " + localId + " was never queued, so it cannot be registered");
        }
        return new Case(localId, idempotencyKey, item, kind, applicant, form, materials, createdAt,
                CaseStage.REGISTERED, Optional.of(receipt.caseNumber()), Optional.of(receipt.state()));
    }

    /** What goes to the platform: everything the citizen entered, keyed by this case's idempotency key. */
    public CaseSubmission toSubmission(String terminalId, Instant submittedAt) {
        return new CaseSubmission(idempotencyKey, localId, terminalId, item.code(), item.name(), kind, applicant,
                form.fields(), materials, submittedAt);
    }

    private void requireDraft(String what) {
        if (stage != CaseStage.DRAFT) {
            throw new IllegalStateException("case " + localId + " is " + stage + ": cannot " + what);
        }
    }

    @Override
    public String toString() {
        // Applicant masks itself; the form shows field codes only.
        return "Case[" + localId + " key=" + idempotencyKey + " item=" + item.code() + " " + kind + " " + stage
                + caseNumber.map(n -> " no=" + n).orElse("") + " " + applicant + " " + form + "]";
    }
}
