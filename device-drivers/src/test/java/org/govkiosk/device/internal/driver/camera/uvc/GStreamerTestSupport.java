package org.govkiosk.device.internal.driver.camera.uvc;

import org.govkiosk.device.DeviceException;
import org.junit.jupiter.api.Assumptions;

/** The capture tests need GStreamer and its base and good plugins (scripts/test-all.sh installs them). */
final class GStreamerTestSupport {

    private GStreamerTestSupport() {
    }

    static void assumeGStreamer() {
        String problem = null;
        try {
            GStreamerRuntime.init();
            for (String element : new String[] {"videotestsrc", "videoconvert", "videoscale", "videorate", "appsink",
                    "multifilesrc", "pngdec", "v4l2src"}) {
                if (org.freedesktop.gstreamer.ElementFactory.find(element) == null) {
                    problem = "the GStreamer element " + element + " is missing";
                }
            }
        } catch (DeviceException e) {
            problem = e.getMessage();
        }
        Assumptions.assumeTrue(problem == null, problem + " (apt-get install " + GStreamerRuntime.DEBIAN_PACKAGES
                + "; CI installs them)");
    }
}
