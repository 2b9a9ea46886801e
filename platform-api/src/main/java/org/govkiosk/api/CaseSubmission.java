package org.govkiosk.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A case as the terminal submits it.
 *
 * @param idempotencyKey made when the case is created on the terminal; a resend with the same key returns the
 *                       first receipt, the same key with a different body is refused (409)
 * @param localCaseId    the terminal's own id of the case, echoed in the receipt
 * @param terminalId     must be the signing terminal
 * @param formData       the item's form fields, by field code
 * @param submittedAt    when the citizen confirmed, by the terminal's clock
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
        Instant submittedAt) {

    /** All scanned pages of one case together; the platform accepts a case body this much larger. */
    public static final int MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

    /** The same case with the pages' content left out: what the platform's case record keeps. */
    public CaseSubmission withoutAttachmentContent() {
        return new CaseSubmission(idempotencyKey, localCaseId, terminalId, itemCode, itemName, kind, applicant,
                formData, materials.stream().map(Material::withoutAttachmentContent).toList(), submittedAt);
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
    }

    @Override
    public String toString() {
        // formData may hold personal data: never print it.
        return "CaseSubmission[" + idempotencyKey + " local=" + localCaseId + " terminal=" + terminalId
                + " item=" + itemCode + " " + kind + " " + applicant + " fields=" + formData.size()
                + " materials=" + materials.size() + "]";
    }
}
