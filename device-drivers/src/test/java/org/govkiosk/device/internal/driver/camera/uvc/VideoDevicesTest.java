package org.govkiosk.device.internal.driver.camera.uvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rescan of /dev/video* on a made-up /dev and sysfs: what a UVC camera's plug and unplug look like there. */
class VideoDevicesTest {

    @TempDir
    Path tmp;

    private Path dev;
    private Path sys;

    /** A video node as the kernel shows it: /dev/videoN and /sys/class/video4linux/videoN/{index,device/driver}. */
    private void node(int n, String driver, int index) throws IOException {
        Files.createDirectories(dev);
        Files.createFile(dev.resolve("video" + n));
        Path usbInterface = Files.createDirectories(tmp.resolve("devices/usb1/1-1:1." + n));
        Path drivers = Files.createDirectories(tmp.resolve("drivers/" + driver));
        Files.createSymbolicLink(usbInterface.resolve("driver"), drivers);
        Path entry = Files.createDirectories(sys.resolve("video" + n));
        Files.createSymbolicLink(entry.resolve("device"), usbInterface);
        Files.writeString(entry.resolve("index"), index + "\n");
    }

    private VideoDevices devices() throws IOException {
        dev = dev == null ? tmp.resolve("dev") : dev;
        Files.createDirectories(dev);
        Files.createDirectories(sys);
        return new VideoDevices(dev, sys);
    }

    @Test
    void theFirstUvcCameraIsItsPictureNodeNotTheMetadataNodeNorAnotherDriversNode() throws Exception {
        dev = tmp.resolve("dev");
        sys = tmp.resolve("sys");
        node(0, "bcm2835-codec", 0); // a board's own codec node comes first on many ARM boards
        node(2, "uvcvideo", 1); // metadata node of a camera whose picture node was taken by another
        node(3, "uvcvideo", 0);
        node(4, "uvcvideo", 1);
        node(10, "uvcvideo", 0);
        assertThat(devices().find(UvcCameraSettings.FIRST_UVC, false)).isEqualTo(dev.resolve("video3").toString());
    }

    @Test
    void noCameraIsPortNotFoundAtFirstAndAnUnplugOnceItWasThere() throws Exception {
        dev = tmp.resolve("dev");
        sys = tmp.resolve("sys");
        VideoDevices devices = devices();
        assertThatThrownBy(() -> devices.find(UvcCameraSettings.FIRST_UVC, false))
                .isInstanceOfSatisfying(DeviceException.class,
                        e -> assertThat(e.detail()).isEqualTo(DeviceStatusDetail.PORT_NOT_FOUND))
                .hasMessageContaining("no USB video class camera");
        node(1, "uvcvideo", 0);
        String found = devices.find(UvcCameraSettings.FIRST_UVC, false);
        assertThat(devices.find(found, true)).isEqualTo(found);
        Files.delete(Path.of(found));
        assertThatThrownBy(() -> devices.find(found, true))
                .isInstanceOfSatisfying(DeviceException.class, e -> {
                    assertThat(e.detail()).isEqualTo(DeviceStatusDetail.DISCONNECTED);
                    assertThat(e.code()).isEqualTo(DeviceException.Code.DISCONNECTED);
                }).hasMessageContaining("was unplugged");
        assertThatThrownBy(() -> devices.find(UvcCameraSettings.FIRST_UVC, true))
                .isInstanceOfSatisfying(DeviceException.class,
                        e -> assertThat(e.detail()).isEqualTo(DeviceStatusDetail.DISCONNECTED));
    }
}
