package org.govkiosk.print.data;

/**
 * 补交材料凭条: materials handed in for a case waiting for them. The template shows one of four texts by the flags
 * ({@code when: refused|waiting|receivedAll|receivedSome}) and the 仍需补交 line only when something is still
 * missing ({@code when: stillMissing}); build it with {@link #of}, which sets the flags.
 *
 * @param handedIn     the materials handed in, as printed (one line)
 * @param stillMissing what the platform says is still missing, as printed; null when nothing (or not reached)
 * @param submittedAt  as printed (yyyy-MM-dd HH:mm)
 * @param correctionDeadline the last working day to bring what is still missing (working calendar: holidays, 调休)
 * @param refused      the platform refused the hand-in: the applicant goes to a window
 * @param waiting      the platform was not reached: kept on the terminal and sent by itself
 * @param receivedAll  the department has the materials and nothing is missing any more
 * @param receivedSome the department has the materials and {@code stillMissing} is still missing
 */
public record SupplementSlipData(
        String hallName,
        String caseNumber,
        String itemName,
        MaskedText applicantName,
        MaskedText applicantIdNumber,
        String handedIn,
        String submittedAt,
        String stillMissing,
        Integer correctionDays,
        java.time.LocalDate correctionDeadline,
        String progressQueryUrl,
        String hallAddress,
        String hallPhone,
        String terminalId,
        Boolean refused,
        Boolean waiting,
        Boolean receivedAll,
        Boolean receivedSome) implements TemplateData {

    /** How the platform answered the hand-in. */
    public enum Delivery { RECEIVED, WAITING, REFUSED }

    public SupplementSlipData {
        boolean missing = stillMissing != null && !stillMissing.isBlank();
        boolean received = !refused && !waiting;
        if (refused && waiting || receivedAll != (received && !missing) || receivedSome != (received && missing)) {
            throw new IllegalArgumentException("the flags do not match the delivery and what is missing; use of()");
        }
    }

    /** @param stillMissing null or blank when nothing is missing any more or the platform was not reached */
    public static SupplementSlipData of(String hallName, String caseNumber, String itemName,
            MaskedText applicantName, MaskedText applicantIdNumber, String handedIn, String submittedAt,
            String stillMissing, Integer correctionDays, java.time.LocalDate correctionDeadline, String progressQueryUrl, String hallAddress,
            String hallPhone, String terminalId, Delivery delivery) {
        boolean missing = stillMissing != null && !stillMissing.isBlank();
        boolean received = delivery == Delivery.RECEIVED;
        return new SupplementSlipData(hallName, caseNumber, itemName, applicantName, applicantIdNumber, handedIn,
                submittedAt, missing ? stillMissing : null, correctionDays, correctionDeadline, progressQueryUrl, hallAddress, hallPhone,
                terminalId, delivery == Delivery.REFUSED, delivery == Delivery.WAITING, received && !missing,
                received && missing);
    }

    @Override
    public TemplateKind kind() {
        return TemplateKind.SUPPLEMENT_SLIP;
    }
}
