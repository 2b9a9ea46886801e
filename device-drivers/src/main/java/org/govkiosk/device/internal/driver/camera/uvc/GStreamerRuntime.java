package org.govkiosk.device.internal.driver.camera.uvc;

import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Version;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;

/** GStreamer is set up once per process, by the first camera that needs it; a missing library is said plainly. */
final class GStreamerRuntime {

    static final String DEBIAN_PACKAGES = "libgstreamer1.0-0, gstreamer1.0-plugins-base, gstreamer1.0-plugins-good";

    private GStreamerRuntime() {
    }

    static synchronized void init() throws DeviceException {
        if (Gst.isInitialized()) {
            return;
        }
        try {
            Gst.init(Version.of(1, 16), "govkiosk");
        } catch (RuntimeException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            // Tried again at the camera's next look: the packages may be installed meanwhile.
            throw new DeviceException(DeviceException.Code.UNSUPPORTED, DeviceStatusDetail.CONFIGURATION_ERROR,
                    "GStreamer 1.16 or later is not installed or cannot be loaded (Debian: " + DEBIAN_PACKAGES + "): "
                            + e.getMessage(), e);
        }
    }
}
