package org.govkiosk.device.internal.driver.escpos;

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
import org.govkiosk.device.internal.sim.escpos.SimulatedEscPosPrinter;
import org.govkiosk.device.transport.Transport;

/**
 * ESC/POS receipt printers over serial, TCP (port 9100), USB (the usblp node) or the simulator; options in
 * {@link ReceiptPrinterSettings}.
 */
public final class ReceiptPrinterDriverFactory implements DriverFactory {

    @Override
    public DeviceFamily family() {
        return DeviceFamily.RECEIPT_PRINTER;
    }

    @Override
    public List<String> validate(DeviceConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.transport().kind() == TransportConfig.Kind.SYSTEM) {
            problems.add("transport: a receipt printer is reached by serial, tcp, usb or simulator, not system");
        }
        ReceiptPrinterSettings.of(config, problems);
        return problems;
    }

    @Override
    public Device create(DeviceConfig config, Transport transport, DeviceContext context) {
        return new ReceiptPrinterDriver(config, transport, context, ReceiptPrinterSettings.require(config));
    }

    /** A simulator with the model's status map, so it answers as the configured model would. */
    @Override
    public Optional<DeviceSimulator> simulator(DeviceConfig config) {
        ReceiptPrinterSettings s = ReceiptPrinterSettings.of(config, new ArrayList<>());
        // A model that takes no FS & starts in Chinese mode; one that ignores a DLE EOT n ignores it here too.
        boolean chinese = s.simChineseMode() || !s.text().chineseModeCommand();
        return Optional.of(new SimulatedEscPosPrinter(s.bitMap(), chinese, s.simLinesBeforePaperEnd(),
                s.statusQueries()));
    }
}
