package org.govkiosk.device.internal.driver.qr;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.internal.codec.qr.ScanFrameConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.driver.DriverFactory;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.internal.sim.qr.SimulatedQrScanner;
import org.govkiosk.device.transport.Transport;

/** Serial scan engines (also behind a serial-to-TCP converter); options in {@link QrScannerSettings}. */
public final class SerialQrScannerDriverFactory implements DriverFactory {

    @Override
    public DeviceFamily family() {
        return DeviceFamily.QR_SCANNER;
    }

    @Override
    public List<String> validate(DeviceConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.transport().kind() == TransportConfig.Kind.SYSTEM) {
            problems.add("transport: a serial scan engine is reached by serial, tcp or simulator, not system");
        }
        QrScannerSettings.of(config, problems);
        return problems;
    }

    @Override
    public Device create(DeviceConfig config, Transport transport, DeviceContext context) {
        return new SerialQrScannerDriver(config, transport, context, QrScannerSettings.require(config));
    }

    /** A simulator framing its scans the way the driver is configured to read them. */
    @Override
    public Optional<DeviceSimulator> simulator(DeviceConfig config) {
        QrScannerSettings s = QrScannerSettings.of(config, new ArrayList<>());
        Charset charset = s.simCharset() == ScanFrameConfig.PayloadCharset.GB18030
                ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
        return Optional.of(new SimulatedQrScanner(s.frame().terminator(),
                s.frame().aimPrefix() ? s.simSymbology() : "", charset));
    }
}
