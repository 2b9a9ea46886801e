package org.govkiosk.device.internal.driver.camera;

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

/**
 * {@code family: qr-scanner, model: camera-folder, transport: system} with {@code options.folder}: codes read from
 * the pictures a camera or document camera drops into a folder (options in {@link CameraFolderSettings}).
 */
public final class CameraQrScannerDriverFactory implements DriverFactory {

    public static final String MODEL = CameraFolderSettings.MODEL;

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
        CameraFolderSettings.of(config, problems);
        return problems;
    }

    @Override
    public Device create(DeviceConfig config, Transport transport, DeviceContext context) {
        CameraFolderSettings settings = CameraFolderSettings.require(config);
        FrameSource source = new WatchedFolderFrameSource(config.id(), settings, context.clock());
        return new CameraQrScannerDriver(config, context, source, new QrImageDecoder(), settings.debounce(),
                CameraFolderSettings.takesDocuments(config, new java.util.ArrayList<>()));
    }

    /** A camera folder needs no simulator: dropping a picture into the folder is the simulation. */
    @Override
    public Optional<DeviceSimulator> simulator(DeviceConfig config) {
        return Optional.empty();
    }
}
