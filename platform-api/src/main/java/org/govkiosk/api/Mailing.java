package org.govkiosk.api;

import java.time.Instant;

/**
 * The mailing of a case's result (证照特快专递) as the case view shows it: only a case whose citizen chose mail
 * has one.
 *
 * @param state          where it stands
 * @param addressMasked  the address with the street and phone masked (the whole of it stays with the case)
 * @param carrier        the carrier (e.g. 中国邮政EMS); null until mailed
 * @param trackingNumber the carrier's tracking number; null until mailed
 * @param updatedAt      when the state was last set
 */
public record Mailing(MailingState state, String addressMasked, String carrier, String trackingNumber,
        Instant updatedAt) {

    public Mailing {
        Check.present(state, "state");
        Check.text(addressMasked, "addressMasked", 200);
        Check.optionalText(carrier, "carrier", 40);
        Check.optionalText(trackingNumber, "trackingNumber", 40);
        Check.present(updatedAt, "updatedAt");
    }
}
