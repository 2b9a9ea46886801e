package org.govkiosk.app.journey;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.govkiosk.app.catalog.CatalogItem;

/**
 * Everything a citizen put together for one application, before it is checked and submitted. Personal data:
 * {@link #toString()} names the item and field keys only.
 *
 * @param form               the form's values by field key, identity fields included
 * @param fromCard           keys of the fields whose values came off the card (shown read-only)
 * @param materials          one declaration per material of the item, in the item's order
 * @param commitmentSigned   the citizen ticked the commitment (告知承诺) for materials deferred under 容缺受理
 * @param submissionKey      the idempotency key of the case this request files: one per application journey, so
 *                           however often it is submitted (a double tap, a retry) the platform files one case
 * @param acceptance         the commitment text as the citizen saw and accepted it, and when; empty when nothing is
 *                           deferred (or a caller without a screen: the service then records the Chinese wording)
 * @param smsOptOut          the citizen declined the platform's SMS notices of the case (受理, 补正, 办结, result
 *                           ready); sent with the case as {@code smsOptOut}
 * @param mailTo             where the citizen wants the result mailed (证照特快专递); null when it is collected at a
 *                           window or printed at a terminal; sent with the case as {@code mailTo}
 */
public record ApplicationRequest(CatalogItem item, ApplicantIdentity applicant, Map<String, String> form,
        Set<String> fromCard, List<MaterialDeclaration> materials, boolean commitmentSigned, String submissionKey,
        java.util.Optional<CommitmentAcceptance> acceptance, boolean smsOptOut,
        org.govkiosk.api.MailingAddress mailTo) {

    /** A request whose result is collected or printed at a terminal (not mailed). */
    public ApplicationRequest(CatalogItem item, ApplicantIdentity applicant, Map<String, String> form,
            Set<String> fromCard, List<MaterialDeclaration> materials, boolean commitmentSigned, String submissionKey,
            java.util.Optional<CommitmentAcceptance> acceptance, boolean smsOptOut) {
        this(item, applicant, form, fromCard, materials, commitmentSigned, submissionKey, acceptance, smsOptOut, null);
    }

    /** The same request with the result mailed to {@code address} (证照特快专递); null: collected or printed here. */
    public ApplicationRequest withMailTo(org.govkiosk.api.MailingAddress address) {
        return new ApplicationRequest(item, applicant, form, fromCard, materials, commitmentSigned, submissionKey,
                acceptance, smsOptOut, address);
    }

    /** A request whose citizen takes the SMS notices (the default). */
    public ApplicationRequest(CatalogItem item, ApplicantIdentity applicant, Map<String, String> form,
            Set<String> fromCard, List<MaterialDeclaration> materials, boolean commitmentSigned, String submissionKey,
            java.util.Optional<CommitmentAcceptance> acceptance) {
        this(item, applicant, form, fromCard, materials, commitmentSigned, submissionKey, acceptance, false);
    }

    /** The same request with the citizen's choice about SMS notices ({@code true}: none). */
    public ApplicationRequest withSmsOptOut(boolean optOut) {
        return new ApplicationRequest(item, applicant, form, fromCard, materials, commitmentSigned, submissionKey,
                acceptance, optOut, mailTo);
    }

    /** A request without a recorded acceptance text. */
    public ApplicationRequest(CatalogItem item, ApplicantIdentity applicant, Map<String, String> form,
            Set<String> fromCard, List<MaterialDeclaration> materials, boolean commitmentSigned, String submissionKey) {
        this(item, applicant, form, fromCard, materials, commitmentSigned, submissionKey, java.util.Optional.empty());
    }

    /** A request of its own: a fresh submission key. */
    public ApplicationRequest(CatalogItem item, ApplicantIdentity applicant, Map<String, String> form,
            Set<String> fromCard, List<MaterialDeclaration> materials, boolean commitmentSigned) {
        this(item, applicant, form, fromCard, materials, commitmentSigned, java.util.UUID.randomUUID().toString());
    }

    public ApplicationRequest {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(applicant, "applicant");
        if (submissionKey == null || submissionKey.isBlank()) {
            throw new IllegalArgumentException("an application needs its submission key");
        }
        form = Map.copyOf(form);
        fromCard = Set.copyOf(fromCard);
        materials = List.copyOf(materials);
        Objects.requireNonNull(acceptance, "acceptance");
    }

    @Override
    public String toString() {
        return "ApplicationRequest[" + item.code() + " " + applicant + " fields=" + form.keySet() + " materials="
                + materials.stream().map(MaterialDeclaration::choice).toList() + "]";
    }
}
