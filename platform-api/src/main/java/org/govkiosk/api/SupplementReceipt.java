package org.govkiosk.api;

import java.time.Instant;
import java.util.List;

/**
 * The platform's answer to a supplement.
 *
 * @param state        where the case stands after it: still NEEDS_SUPPLEMENT while anything is missing, else
 *                     ACCEPTED (or further on, where the platform decides a 即办件 at once)
 * @param stillMissing what the citizen must still bring; empty once the case is complete
 * @param duplicate    {@code true} when this answers a resend with the same key
 */
public record SupplementReceipt(
        String caseNumber,
        CaseState state,
        List<Material> stillMissing,
        Instant receivedAt,
        boolean duplicate) {

    public SupplementReceipt {
        Check.text(caseNumber, "caseNumber", 64);
        Check.present(state, "state");
        stillMissing = Check.list(stillMissing, "stillMissing");
        Check.present(receivedAt, "receivedAt");
    }
}
