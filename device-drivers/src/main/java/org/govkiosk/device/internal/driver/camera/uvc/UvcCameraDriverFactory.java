package org.govkiosk.device.internal.driver.camera.uvc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.driver.DriverFactory;
import org.govkiosk.device.internal.driver.camera.CameraQrScannerDriver;
import org.govkiosk.device.internal.driver.camera.QrImageDecoder;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.transport.Transport;

/**
 * {@code family: qr-scanner, model: uvc-camera, transport: system}: a USB camera read live through GStreamer
 * (settings in {@link UvcCameraSettings}); the same driver as a camera folder's, with a live source and preview.
 */
public final class UvcCameraDriverFactory implements DriverFactory {

    public static final String MODEL = UvcCameraSettings.MODEL;

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
        UvcCameraSettings.of(config, problems);
        return problems;
    }

    @Override
    public Device create(DeviceConfig config, Transport transport, DeviceContext context) {
        UvcCameraSettings settings = UvcCameraSettings.require(config);
        GStreamerFrameSource source = new GStreamerFrameSource(config.id(), settings, VideoDevices.system(),
                context.clock());
        return new CameraQrScannerDriver(config, context, source, new QrImageDecoder(), settings.debounce(),
                settings.documents());
    }

    /** The simulation of a camera is a GStreamer test source: {@code options.pipeline}. */
    @Override
    public Optional<DeviceSimulator> simulator(DeviceConfig config) {
        return Optional.empty();
    }
}
