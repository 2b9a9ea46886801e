package org.govkiosk.device.internal.driver.cups;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.driver.DriverFactory;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.transport.Transport;

/** A4 document printers behind a CUPS queue ({@code transport: system}, port = queue name); no simulator. */
public final class CupsDocumentPrinterDriverFactory implements DriverFactory {

    @Override
    public DeviceFamily family() {
        return DeviceFamily.DOCUMENT_PRINTER;
    }

    @Override
    public List<String> validate(DeviceConfig config) {
        List<String> problems = new ArrayList<>();
        CupsSettings.of(config, problems);
        return problems;
    }

    @Override
    public Device create(DeviceConfig config, Transport transport, DeviceContext context) {
        return new CupsDocumentPrinterDriver(config, context);
    }

    @Override
    public Optional<DeviceSimulator> simulator(DeviceConfig config) {
        return Optional.empty();
    }
}
