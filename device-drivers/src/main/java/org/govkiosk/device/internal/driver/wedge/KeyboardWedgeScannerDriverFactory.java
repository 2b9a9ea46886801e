package org.govkiosk.device.internal.driver.wedge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.driver.DriverFactory;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.transport.Transport;

/** {@code family: qr-scanner, model: keyboard-wedge, transport: system}: a scanner that types into the terminal. */
public final class KeyboardWedgeScannerDriverFactory implements DriverFactory {

    public static final String MODEL = "keyboard-wedge";

    @Override
    public DeviceFamily family() {
        return DeviceFamily.QR_SCANNER;
    }

    @Override
    public boolean accepts(DeviceConfig config) {
        return MODEL.equals(config.model());
    }

    @Override
    public List<String> validate(DeviceConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.transport().kind() != TransportConfig.Kind.SYSTEM) {
            problems.add("transport: a keyboard-wedge scanner types through the OS keyboard: use transport: system");
        }
        KeyboardWedgeSettings.of(config, problems);
        return problems;
    }

    @Override
    public Device create(DeviceConfig config, Transport transport, DeviceContext context) {
        List<String> problems = new ArrayList<>();
        KeyboardWedgeSettings settings = KeyboardWedgeSettings.of(config, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new KeyboardWedgeScannerDriver(config, context, settings);
    }

    /** The keyboard is its own simulator: anyone can type a code and press Enter quickly enough. */
    @Override
    public Optional<DeviceSimulator> simulator(DeviceConfig config) {
        return Optional.empty();
    }
}
