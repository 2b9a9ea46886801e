package org.govkiosk.api;

import org.govkiosk.personal.Masking;

import java.time.Instant;
import java.util.List;

/**
 * Materials a citizen hands in for a case waiting for them (补正), as the terminal submits them.
 *
 * @param idempotencyKey made when the citizen confirms; a resend with the same key returns the first receipt, the
 *                       same key with a different body is refused (409)
 * @param caseNumber     the case waiting for materials
 * @param terminalId     must be the signing terminal
 * @param idType         the identity of whoever hands them in, as read from their card: it must be the case's
 *                       applicant (409 otherwise)
 * @param materials      the materials handed in now, each one of the case's missing ones, status PROVIDED; one
 *                       scanned at the terminal carries its pages, at most {@link CaseSubmission#MAX_ATTACHMENT_BYTES}
 *                       in all, as a case may
 * @param submittedAt    when the citizen confirmed, by the terminal's clock
 */
public record SupplementSubmission(
        String idempotencyKey,
        String caseNumber,
        String terminalId,
        IdType idType,
        String idNumber,
        List<Material> materials,
        Instant submittedAt) {

    public SupplementSubmission {
        Check.text(idempotencyKey, "idempotencyKey", 100);
        Check.text(caseNumber, "caseNumber", 64);
        Check.text(terminalId, "terminalId", 64);
        Check.present(idType, "idType");
        Check.text(idNumber, "idNumber", 64);
        materials = Check.list(materials, "materials");
        if (materials.isEmpty()) {
            throw new IllegalArgumentException("materials must name at least one material handed in");
        }
        for (Material m : materials) {
            if (m.status() != Material.Status.PROVIDED) {
                throw new IllegalArgumentException("materials handed in must have status PROVIDED, " + m.code()
                        + " has " + m.status());
            }
        }
        long pages = materials.stream().mapToLong(m -> m.attachments().stream().mapToLong(Attachment::size).sum())
                .sum();
        if (pages > CaseSubmission.MAX_ATTACHMENT_BYTES) {
            throw new IllegalArgumentException("materials.attachments: at most " + CaseSubmission.MAX_ATTACHMENT_BYTES
                    + " bytes of scanned pages in one supplement, was " + pages);
        }
        Check.present(submittedAt, "submittedAt");
    }

    /** The same supplement with the pages' content left out: what the platform's supplement record keeps. */
    public SupplementSubmission withoutAttachmentContent() {
        return new SupplementSubmission(idempotencyKey, caseNumber, terminalId, idType, idNumber,
                materials.stream().map(Material::withoutAttachmentContent).toList(), submittedAt);
    }

    @Override
    public String toString() {
        return "SupplementSubmission[" + idempotencyKey + " case=" + caseNumber + " terminal=" + terminalId + " "
                + idType + " " + Masking.idNumber(idNumber) + " materials="
                + materials.stream().map(Material::code).toList() + "]";
    }
}
