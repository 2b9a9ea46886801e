package org.govkiosk.api;

import java.time.Instant;
import java.util.List;

/** Clerk side: a registered terminal with its last heartbeat, for the hall's overview. */
public record TerminalStatus(String terminalId, String hallCode, Instant registeredAt, Instant lastHeartbeatAt,
        String softwareVersion, int outboxPending, List<DeviceState> devices) {

    public TerminalStatus {
        Check.text(terminalId, "terminalId", 64);
        devices = Check.list(devices, "devices");
    }
}
