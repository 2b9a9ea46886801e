package org.govkiosk.print.data;

/**
 * 申报凭条: an application the platform has not confirmed. The template shows one of three texts by the flags
 * ({@code when: refused|sent|waiting}), the case number and its QR only with a case number
 * ({@code when: caseNumber}) and marks the slip pending without one ({@code when: numberPending}); build it with
 * {@link #of}, which sets the flags from the case number and the refusal.
 *
 * @param caseNumber       null while the platform has given none
 * @param progressQueryUrl null without a case number
 * @param submittedAt      as printed (yyyy-MM-dd HH:mm)
 * @param refused          the platform refused to take the application: the applicant goes to a window
 * @param sent             not refused, with a case number: the department has it
 * @param waiting          not refused, no case number yet: kept on the terminal and sent by itself
 * @param numberPending    no case number yet
 */
public record SubmissionSlipData(
        String hallName,
        String caseNumber,
        String localReference,
        String itemName,
        MaskedText applicantName,
        MaskedText applicantIdNumber,
        String submittedAt,
        String progressQueryUrl,
        String hallAddress,
        String hallPhone,
        String terminalId,
        Boolean refused,
        Boolean sent,
        Boolean waiting,
        Boolean numberPending) implements TemplateData {

    public SubmissionSlipData {
        boolean hasNumber = caseNumber != null && !caseNumber.isBlank();
        if (refused == null || sent != (!refused && hasNumber) || waiting != (!refused && !hasNumber)
                || numberPending != !hasNumber) {
            throw new IllegalArgumentException("the flags do not match the case number and the refusal; use of()");
        }
        if (hasNumber != (progressQueryUrl != null && !progressQueryUrl.isBlank())) {
            throw new IllegalArgumentException("a progress query URL comes with a case number, and only then");
        }
    }

    /** @param caseNumber null or blank while the platform has given none; then progressQueryUrl is null too */
    public static SubmissionSlipData of(String hallName, String caseNumber, String localReference, String itemName,
            MaskedText applicantName, MaskedText applicantIdNumber, String submittedAt, String progressQueryUrl,
            String hallAddress, String hallPhone, String terminalId, boolean refused) {
        boolean hasNumber = caseNumber != null && !caseNumber.isBlank();
        return new SubmissionSlipData(hallName, hasNumber ? caseNumber : null, localReference, itemName,
                applicantName, applicantIdNumber, submittedAt, hasNumber ? progressQueryUrl : null, hallAddress,
                hallPhone, terminalId, refused, !refused && hasNumber, !refused && !hasNumber, !hasNumber);
    }

    @Override
    public TemplateKind kind() {
        return TemplateKind.SUBMISSION_SLIP;
    }
}
