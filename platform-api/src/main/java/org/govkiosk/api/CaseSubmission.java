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
 * @param mailTo         the citizen chose to have the result mailed (证照特快专递) to this address; null (absent from
 *                       the JSON, so other cases' bodies hash as before) when it is collected or printed at a terminal
 * @param smsOptOut      the citizen declined SMS notices of the case's states (受理, 补正, 办结, result ready);
 *                       true or absent (null: false is kept as null), so a case that takes the notices has
 *                       the same body and hash as before the choice was offered; see {@link #declinesSms()}
 * @param training       filed by a terminal in training mode (培训模式): a practice case the platform keeps apart
 *                       from real ones (not in the clerks' queue, statistics, SMS or rating invitations); true or
 *                       absent, like {@code smsOptOut}; see {@link #practice()}
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
        @JsonInclude(JsonInclude.Include.NON_NULL) DeferralCommitment commitment,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean smsOptOut,
        @JsonInclude(JsonInclude.Include.NON_NULL) MailingAddress mailTo,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean training) {

    /** A real case (not training), mailed or not. */
    public CaseSubmission(String idempotencyKey, String localCaseId, String terminalId, String itemCode,
            String itemName, CaseKind kind, Applicant applicant, Map<String, String> formData, List<Material> materials,
            Instant submittedAt, DeferralCommitment commitment, Boolean smsOptOut, MailingAddress mailTo) {
        this(idempotencyKey, localCaseId, terminalId, itemCode, itemName, kind, applicant, formData, materials,
                submittedAt, commitment, smsOptOut, mailTo, null);
    }

    /** A case whose result is collected or printed at a terminal (no mailing): the body of before mailing existed. */
    public CaseSubmission(String idempotencyKey, String localCaseId, String terminalId, String itemCode,
            String itemName, CaseKind kind, Applicant applicant, Map<String, String> formData, List<Material> materials,
            Instant submittedAt, DeferralCommitment commitment, Boolean smsOptOut) {
        this(idempotencyKey, localCaseId, terminalId, itemCode, itemName, kind, applicant, formData, materials,
                submittedAt, commitment, smsOptOut, null);
    }

    /** A case whose applicant takes the SMS notices (the default). */
    public CaseSubmission(String idempotencyKey, String localCaseId, String terminalId, String itemCode,
            String itemName, CaseKind kind, Applicant applicant, Map<String, String> formData, List<Material> materials,
            Instant submittedAt, DeferralCommitment commitment) {
        this(idempotencyKey, localCaseId, terminalId, itemCode, itemName, kind, applicant, formData, materials,
                submittedAt, commitment, null);
    }

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
                formData, materials, submittedAt, c, smsOptOut, mailTo, training);
    }

    /** The same case with the citizen's choice about SMS notices ({@code true}: none). */
    public CaseSubmission withSmsOptOut(boolean optOut) {
        return new CaseSubmission(idempotencyKey, localCaseId, terminalId, itemCode, itemName, kind, applicant,
                formData, materials, submittedAt, commitment, optOut ? Boolean.TRUE : null, mailTo, training);
    }

    /** The same case filed in training mode ({@code true}) or as a real one. */
    public CaseSubmission withTraining(boolean practice) {
        return new CaseSubmission(idempotencyKey, localCaseId, terminalId, itemCode, itemName, kind, applicant,
                formData, materials, submittedAt, commitment, smsOptOut, mailTo, practice ? Boolean.TRUE : null);
    }

    /** All scanned pages of one case together; the platform accepts a case body this much larger. */
    public static final int MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

    /** The same case with the pages' content left out: what the platform's case record keeps. */
    public CaseSubmission withoutAttachmentContent() {
        return new CaseSubmission(idempotencyKey, localCaseId, terminalId, itemCode, itemName, kind, applicant,
                formData, materials.stream().map(Material::withoutAttachmentContent).toList(), submittedAt,
                commitment, smsOptOut, mailTo, training);
    }

    /** The same case with the result mailed to {@code address} (null: collected or printed at a terminal). */
    public CaseSubmission withMailTo(MailingAddress address) {
        return new CaseSubmission(idempotencyKey, localCaseId, terminalId, itemCode, itemName, kind, applicant,
                formData, materials, submittedAt, commitment, smsOptOut, address, training);
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
        smsOptOut = Boolean.TRUE.equals(smsOptOut) ? Boolean.TRUE : null;
        training = Boolean.TRUE.equals(training) ? Boolean.TRUE : null;
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

    /** A practice case of a terminal in training mode. */
    public boolean practice() {
        return Boolean.TRUE.equals(training);
    }

    /** The citizen declined SMS notices of the case. */
    public boolean declinesSms() {
        return Boolean.TRUE.equals(smsOptOut);
    }

    @Override
    public String toString() {
        // formData may hold personal data: never print it.
        return "CaseSubmission[" + idempotencyKey + " local=" + localCaseId + " terminal=" + terminalId
                + " item=" + itemCode + " " + kind + " " + applicant + " fields=" + formData.size()
                + " materials=" + materials.size() + (commitment == null ? "" : " commitment")
                + (declinesSms() ? " no-sms" : "") + (mailTo == null ? "" : " mail-to " + mailTo.masked())
                + (practice() ? " training" : "") + "]";
    }
}
