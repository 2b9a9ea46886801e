package org.govkiosk.api;

import java.util.regex.Pattern;

/**
 * Clerk side: the mailing of a case's result moves on (寄出 with the carrier's tracking number, 签收, 退回). Only a
 * completed case is mailed; the states go WAITING → MAILED → DELIVERED or RETURNED.
 *
 * @param state          MAILED, DELIVERED or RETURNED
 * @param carrier        the carrier; required with MAILED (1 to 40 characters)
 * @param trackingNumber the tracking number; required with MAILED: 6 to 40 letters, digits or '-'
 * @param clerk          who records it, kept for the record
 */
public record MailingUpdate(MailingState state, String carrier, String trackingNumber, String clerk) {

    private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9-]{6,40}");

    public MailingUpdate {
        Check.present(state, "state");
        if (state == MailingState.WAITING) {
            throw new IllegalArgumentException("state: a mailing is recorded as MAILED, DELIVERED or RETURNED");
        }
        Check.text(clerk, "clerk", 100);
        Check.optionalText(carrier, "carrier", 40);
        Check.optionalText(trackingNumber, "trackingNumber", 40);
        if (state == MailingState.MAILED) {
            Check.text(carrier, "carrier", 40);
            if (trackingNumber == null || !TRACKING.matcher(trackingNumber).matches()) {
                throw new IllegalArgumentException("trackingNumber: 6 to 40 letters, digits or '-' when MAILED");
            }
        }
    }
}
