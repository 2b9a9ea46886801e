package org.govkiosk.device.internal.driver.camera.uvc;

/**
 * The pipeline descriptions (gst-launch syntax) of a camera: its source, then the conversion to the configured
 * size, rate and format, then the driver's sink. The sink keeps at most two frames and drops the older ones, so a
 * slow consumer never makes the camera's frames pile up in memory.
 */
final class GStreamerPipelines {

    static final String SINK_NAME = "govkiosk-frames";

    private GStreamerPipelines() {
    }

    /** @param node the camera's node; unused when the settings name a pipeline */
    static String describe(UvcCameraSettings s, String node) {
        return source(s, node) + " ! " + tail(s);
    }

    static String source(UvcCameraSettings s, String node) {
        if (s.pipeline() != null) {
            return s.pipeline();
        }
        // Ask the camera itself for the size and rate: scaling a larger picture down would cost CPU on every frame.
        String size = ",width=" + s.width() + ",height=" + s.height() + ",framerate=" + s.frameRate() + "/1";
        return "v4l2src device=" + node + (s.mjpeg() ? " ! image/jpeg" + size + " ! jpegdec" : " ! video/x-raw" + size);
    }

    static String tail(UvcCameraSettings s) {
        return "videoconvert ! videoscale ! videorate ! video/x-raw,format=" + format(s) + ",width=" + s.width()
                + ",height=" + s.height() + ",framerate=" + s.frameRate() + "/1 ! appsink name=" + SINK_NAME
                + " max-buffers=2 drop=true sync=true";
    }

    /** GRAY8 is what the decoder reads; BGRx is one packed int per pixel, as a Java RGB image holds it. */
    static String format(UvcCameraSettings s) {
        return s.gray() ? "GRAY8" : "BGRx";
    }
}
