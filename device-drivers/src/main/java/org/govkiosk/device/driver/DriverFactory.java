package org.govkiosk.device.driver;

import java.util.List;
import java.util.Optional;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.transport.Transport;

/** Makes the driver of one device family; the registry picks it by {@link #family()}. */
public interface DriverFactory {

    DeviceFamily family();

    /**
     * Whether this factory makes the driver for this config of its family. A family with several drivers (a serial
     * scan engine, a camera, a keyboard-wedge scanner) tells them apart by {@code model}; the registry takes the
     * first factory in its list that accepts, so the specific ones come before a catch-all.
     */
    default boolean accepts(DeviceConfig config) {
        return true;
    }

    /**
     * Problems with a config of this family, each naming the key, e.g. {@code "options.baud-rate: must be ..."};
     * empty when the config is good. Called for every device before anything starts.
     */
    List<String> validate(DeviceConfig config);

    /**
     * Creates the driver. {@code transport} is the opened-on-start byte link for serial, TCP and simulator
     * devices, and {@code null} for {@code SYSTEM} devices that reach the OS themselves (PC/SC, CUPS).
     */
    Device create(DeviceConfig config, Transport transport, DeviceContext context);

    /** The simulator that speaks this family's protocol, for {@code transport: simulator}. */
    Optional<DeviceSimulator> simulator(DeviceConfig config);
}
