package org.govkiosk.device.internal.driver.camera.uvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;
import org.junit.jupiter.api.Test;

class UvcCameraSettingsTest {

    static DeviceConfig config(String port, Map<String, String> options) {
        return new DeviceConfig("cam-1", DeviceFamily.QR_SCANNER, UvcCameraSettings.MODEL,
                new TransportConfig(TransportConfig.Kind.SYSTEM, port, 0, null, 0), true, Duration.ofMillis(50),
                null, options);
    }

    @Test
    void defaultsAreTheFirstUvcCameraAt640x480And15FramesInColour() {
        List<String> problems = new ArrayList<>();
        UvcCameraSettings s = UvcCameraSettings.of(config(null, Map.of()), problems);
        assertThat(problems).isEmpty();
        assertThat(s.firstUvc()).isTrue();
        assertThat(s).extracting(UvcCameraSettings::width, UvcCameraSettings::height, UvcCameraSettings::frameRate,
                UvcCameraSettings::gray, UvcCameraSettings::mjpeg).containsExactly(640, 480, 15, false, false);
        assertThat(GStreamerPipelines.describe(s, "/dev/video0")).isEqualTo("v4l2src device=/dev/video0"
                + " ! video/x-raw,width=640,height=480,framerate=15/1 ! videoconvert ! videoscale ! videorate"
                + " ! video/x-raw,format=BGRx,width=640,height=480,framerate=15/1 ! appsink name=govkiosk-frames"
                + " max-buffers=2 drop=true sync=true");
    }

    @Test
    void aConfiguredCameraSizeRateFormatAndMjpegInput() {
        List<String> problems = new ArrayList<>();
        UvcCameraSettings s = UvcCameraSettings.of(config("/dev/v4l/by-id/usb-cam-video-index0", Map.of("width",
                "1280", "height", "720", "frame-rate", "30", "format", "gray", "input", "mjpeg", "documents",
                "true")), problems);
        assertThat(problems).isEmpty();
        assertThat(s.documents()).isTrue();
        assertThat(GStreamerPipelines.source(s, s.device())).isEqualTo("v4l2src device=/dev/v4l/by-id/"
                + "usb-cam-video-index0 ! image/jpeg,width=1280,height=720,framerate=30/1 ! jpegdec");
        assertThat(GStreamerPipelines.tail(s)).contains("format=GRAY8,width=1280,height=720,framerate=30/1");
    }

    @Test
    void aTestPipelineReplacesTheCameraButNotTheSink() {
        List<String> problems = new ArrayList<>();
        UvcCameraSettings s = UvcCameraSettings.of(config(null, Map.of("pipeline", "videotestsrc is-live=true")),
                problems);
        assertThat(problems).isEmpty();
        assertThat(GStreamerPipelines.describe(s, null)).startsWith("videotestsrc is-live=true ! videoconvert");
    }

    @Test
    void everyWrongSettingIsNamed() {
        List<String> problems = new ArrayList<>();
        UvcCameraSettings.of(new DeviceConfig("cam-1", DeviceFamily.QR_SCANNER, UvcCameraSettings.MODEL,
                TransportConfig.serial("video0", 9600), true, null, null, Map.of("width", "99999", "frame-rate",
                        "fast", "format", "yuv", "input", "h264", "pipeline", "videotestsrc ! appsink", "zoom", "2")),
                problems);
        assertThat(problems).anyMatch(p -> p.startsWith("options.zoom: unknown option"))
                .anyMatch(p -> p.startsWith("transport: a uvc-camera scanner is a camera of this computer"))
                .anyMatch(p -> p.startsWith("options.width: must be a whole number from 160 to 3840"))
                .anyMatch(p -> p.startsWith("options.frame-rate:"))
                .anyMatch(p -> p.startsWith("options.format: must be one of [color, gray], got 'yuv'"))
                .anyMatch(p -> p.startsWith("options.input: must be one of [mjpeg, raw], got 'h264'"))
                .anyMatch(p -> p.startsWith("options.pipeline: only the source part"));
        problems.clear();
        UvcCameraSettings.of(config("video0", Map.of()), problems);
        assertThat(problems).containsExactly("port: a camera node under /dev (e.g. /dev/video0 or"
                + " /dev/v4l/by-id/...) or first-uvc, got 'video0'");
        problems.clear();
        UvcCameraSettings.of(config("/dev/video0 ! fakesrc", Map.of()), problems);
        assertThat(problems).singleElement().asString().startsWith("port: a device path without spaces");
        problems.clear();
        UvcCameraSettings.of(config(null, Map.of("pipeline", "x".repeat(2001))), problems);
        assertThat(problems).singleElement().asString().startsWith("options.pipeline: at most 2000 characters");
    }
}
