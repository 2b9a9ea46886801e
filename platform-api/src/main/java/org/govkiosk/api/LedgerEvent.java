package org.govkiosk.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step in a ledger entry's history.
 *
 * @param deadline the deadline after this step (the new one for an extension)
 * @param reason   the written reason of an extension, or what the step recorded; may be null
 */
public record LedgerEvent(Instant at, String by, LedgerActionKind action, LocalDate deadline, String reason) {
}
