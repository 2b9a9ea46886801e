package org.govkiosk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A case as the terminal submits it.
 *
 * @param idempotencyKey made when the case is created on the terminal; a resend with the same key returns the
 *                       first receipt, the same key with a different body is refused (409)
 * @param localCaseId    the terminal's own id of the case, echoed in the receipt
 * @param terminalId     must be the signing terminal
 * @param formData       the item's form fields, by field code
 * @param submittedAt    when the citizen confirmed, by the terminal's clock
 * @param commitment     容缺受理: the citizen's accepted commitment for the deferred (WAIVED_BY_COMMITMENT) materials;
 *                       null when nothing is deferred (and then absent from the JSON, so a case's body is the
 *                       same as before commitments were kept)
 */
public record CaseSubmission(
        String idempotencyKey,
        String localCaseId,
        String terminalId,
        String itemCode,
        String itemName,
        CaseKind kind,
        Applicant applicant,
        Map<String, String> formData,
        List<Material> materials,
        Instant submittedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) DeferralCommitment commitment) {

    /** A case with nothing deferred under a commitment. */
    public CaseSubmission(String idempotencyKey, String localCaseId, String terminalId, String itemCode,
            String itemName, CaseKind kind, Applicant applicant, Map<String, String> formData, List<Material> materials,
            Instant submittedAt) {
        this(idempotencyKey, localCaseId, terminalId, itemCode, itemName, kind, applicant, formData, materials,
                submittedAt, null);
    }

    /** The same case with the citizen's 容缺 commitment. */
    public CaseSubmission withCommitment(DeferralCommitment c) {
        return new CaseSubmission(idempotencyKey, localCaseId, terminalId, itemCode, itemName, kind, applicant,
                formData, materials, submittedAt, c);
    }

    /** All scanned pages of one case together; the platform accepts a case body this much larger. */
    public static final int MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

    /** The same case with the pages' content left out: what the platform's case record keeps. */
    public CaseSubmission withoutAttachmentContent() {
        return new CaseSubmission(idempotencyKey, localCaseId, terminalId, itemCode, itemName, kind, applicant,
                formData, materials.stream().map(Material::withoutAttachmentContent).toList(), submittedAt,
                commitment);
    }

    public CaseSubmission {
        Check.text(idempotencyKey, "idempotencyKey", 100);
        Check.text(localCaseId, "localCaseId", 100);
        Check.text(terminalId, "terminalId", 64);
        Check.text(itemCode, "itemCode", 64);
        Check.text(itemName, "itemName", 200);
        Check.present(kind, "kind");
        Check.present(applicant, "applicant");
        formData = Check.map(formData, "formData");
        materials = Check.list(materials, "materials");
        long pages = materials.stream().mapToLong(m -> m.attachments().stream().mapToLong(Attachment::size).sum())
                .sum();
        if (pages > MAX_ATTACHMENT_BYTES) {
            throw new IllegalArgumentException("materials.attachments: at most " + MAX_ATTACHMENT_BYTES
                    + " bytes of scanned pages in one case, was " + pages);
        }
        Check.present(submittedAt, "submittedAt");
        if (commitment != null) {
            Set<String> waived = new HashSet<>();
            materials.stream().filter(m -> m.status() == Material.Status.WAIVED_BY_COMMITMENT)
                    .forEach(m -> waived.add(m.code()));
            if (!waived.equals(new HashSet<>(commitment.materials()))) {
                throw new IllegalArgumentException("commitment.materials: must name exactly the materials deferred"
                        + " (WAIVED_BY_COMMITMENT): " + new java.util.TreeSet<>(waived));
            }
        }
    }

    @Override
    public String toString() {
        // formData may hold personal data: never print it.
        return "CaseSubmission[" + idempotencyKey + " local=" + localCaseId + " terminal=" + terminalId
                + " item=" + itemCode + " " + kind + " " + applicant + " fields=" + formData.size()
                + " materials=" + materials.size() + (commitment == null ? "" : " commitment") + "]";
    }
}
