package org.govkiosk.api;

import java.time.Instant;
import java.util.List;

/**
 * Clerk side: a registered terminal with its last heartbeat, for the hall's overview. The last three fields are
 * those of the last heartbeat (see {@link Heartbeat}); null when it did not send them or never beat.
 *
 * @param auditHead    the highest audit chain head the terminal reported: a technician verifies the terminal's
 *                     audit file against it ({@code AuditVerifier --head SEQ:MAC})
 * @param auditProblem set once a reported head went backwards or differed at a sequence number already seen (the
 *                     terminal's audit log was cut or rewritten); null while none was
 */
public record TerminalStatus(String terminalId, String hallCode, Instant registeredAt, Instant lastHeartbeatAt,
        String softwareVersion, int outboxPending, List<DeviceState> devices, Long uptimeSeconds,
        Long outboxOldestAgeSeconds, Integer heartbeatIntervalSeconds, AuditHead auditHead, String auditProblem) {

    public TerminalStatus {
        Check.text(terminalId, "terminalId", 64);
        devices = Check.list(devices, "devices");
    }

    public TerminalStatus(String terminalId, String hallCode, Instant registeredAt, Instant lastHeartbeatAt,
            String softwareVersion, int outboxPending, List<DeviceState> devices, Long uptimeSeconds,
            Long outboxOldestAgeSeconds, Integer heartbeatIntervalSeconds) {
        this(terminalId, hallCode, registeredAt, lastHeartbeatAt, softwareVersion, outboxPending, devices,
                uptimeSeconds, outboxOldestAgeSeconds, heartbeatIntervalSeconds, null, null);
    }

    public TerminalStatus(String terminalId, String hallCode, Instant registeredAt, Instant lastHeartbeatAt,
            String softwareVersion, int outboxPending, List<DeviceState> devices) {
        this(terminalId, hallCode, registeredAt, lastHeartbeatAt, softwareVersion, outboxPending, devices, null,
                null, null);
    }
}
