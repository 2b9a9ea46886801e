package org.govkiosk.app.maintenance;

import java.util.List;
import java.util.Optional;

/** What maintenance mode may do with devices, apart from the citizen-facing services. */
public interface DeviceAdmin {

    /** The last failure of a device, as a technician reads it (code, detail, message), if any. */
    Optional<String> lastFailure(String deviceId);

    /** The supervisor's interventions, newest last, one line each. */
    List<String> supervisionLog();

    /** Sends a console command to a device's simulator (demo and training); empty if it has none. */
    Optional<String> simulatorCommand(String deviceId, String command);
}
