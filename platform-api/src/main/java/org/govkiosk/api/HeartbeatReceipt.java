package org.govkiosk.api;

import java.time.Instant;

/** Acknowledges a heartbeat; {@code receivedAt} is the platform's clock, so a terminal can spot its own drift. */
public record HeartbeatReceipt(Instant receivedAt) {

    public HeartbeatReceipt {
        Check.present(receivedAt, "receivedAt");
    }
}
