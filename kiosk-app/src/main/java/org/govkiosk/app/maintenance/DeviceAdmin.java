package org.govkiosk.app.maintenance;

import java.util.List;
import java.util.Optional;

/** What maintenance mode may do with devices, apart from the citizen-facing services. */
public interface DeviceAdmin {

    /** The last failure of a device, as a technician reads it (code, detail, message), if any. */
    Optional<String> lastFailure(String deviceId);

    /** 监控记录: the devices' status changes and the supervisor's (and outbox worker's) interventions, oldest first. */
    List<JournalEntry> journal();

    /** One line of 监控记录. */
    sealed interface JournalEntry permits StatusChange, Intervention {
        java.time.Instant at();

        String componentId();
    }

    /** A device went from one status to another. */
    record StatusChange(java.time.Instant at, String componentId, org.govkiosk.device.DeviceStatusInfo from,
            org.govkiosk.device.DeviceStatusInfo to) implements JournalEntry {
    }

    /** The supervisor (or the outbox worker's watchdog) stepped in: {@code action} as it recorded it. */
    record Intervention(java.time.Instant at, String componentId, String action, String cause)
            implements JournalEntry {
    }

    /** Sends a console command to a device's simulator (demo and training); empty if it has none. */
    Optional<String> simulatorCommand(String deviceId, String command);
}
