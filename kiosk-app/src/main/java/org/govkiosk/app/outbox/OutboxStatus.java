package org.govkiosk.app.outbox;

import java.time.Instant;
import java.util.Optional;

/** Counts for the maintenance screen and the terminal's health report. */
public record OutboxStatus(int pending, int sent, int dead, int confirmed, Optional<Instant> oldestWaitingSince,
        Optional<OutboxRecovery> recovery) {

    /** Entries that still wait for the platform's confirmation. */
    public int waiting() {
        return pending + sent;
    }
}
