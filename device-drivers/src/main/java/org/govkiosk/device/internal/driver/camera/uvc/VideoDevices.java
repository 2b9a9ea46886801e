package org.govkiosk.device.internal.driver.camera.uvc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;

/**
 * The computer's video nodes, looked at afresh on every call (a camera comes and goes with its cable): a configured
 * node, or the first USB video class camera. A UVC camera makes two nodes, the picture (index 0) and its metadata
 * (index 1); only the picture node of a device bound to {@code uvcvideo} counts. Roots injectable for tests.
 */
public final class VideoDevices {

    static final String UVC_DRIVER = "uvcvideo";

    private final Path dev;
    private final Path sysClass;

    public VideoDevices(Path dev, Path sysClass) {
        this.dev = dev;
        this.sysClass = sysClass;
    }

    public static VideoDevices system() {
        return new VideoDevices(Path.of("/dev"), Path.of("/sys/class/video4linux"));
    }

    /**
     * The node to open for {@code wanted} (a path, or {@link UvcCameraSettings#FIRST_UVC}).
     *
     * @param seenBefore whether the camera was there earlier: its absence is then an unplug (DISCONNECTED), not a
     *     wrong path (PORT_NOT_FOUND)
     */
    public String find(String wanted, boolean seenBefore) throws DeviceException {
        DeviceStatusDetail gone = seenBefore ? DeviceStatusDetail.DISCONNECTED : DeviceStatusDetail.PORT_NOT_FOUND;
        DeviceException.Code code = seenBefore ? DeviceException.Code.DISCONNECTED
                : DeviceException.Code.PORT_NOT_FOUND;
        if (!UvcCameraSettings.FIRST_UVC.equals(wanted)) {
            Path p = Path.of(wanted);
            if (!Files.exists(p)) {
                throw new DeviceException(code, gone, "camera " + wanted + (seenBefore ? " was unplugged"
                        : " is not there") + " (looked again every poll-interval)");
            }
            return p.toString();
        }
        return firstUvc().orElseThrow(() -> new DeviceException(code, gone, "no USB video class camera ("
                + UVC_DRIVER + ") among " + dev.resolve("video*") + (seenBefore ? ": it was unplugged" : "")));
    }

    /** The picture node of the lowest-numbered UVC camera. */
    Optional<String> firstUvc() {
        List<Integer> numbers = new ArrayList<>();
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(dev, "video*")) {
            for (Path n : nodes) {
                String digits = n.getFileName().toString().substring("video".length());
                if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() < 6) {
                    numbers.add(Integer.parseInt(digits));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        numbers.sort(Comparator.naturalOrder());
        for (int n : numbers) {
            Path sys = sysClass.resolve("video" + n);
            if (UVC_DRIVER.equals(driverOf(sys)) && index(sys) == 0) {
                return Optional.of(dev.resolve("video" + n).toString());
            }
        }
        return Optional.empty();
    }

    private static String driverOf(Path sys) {
        try {
            return Files.readSymbolicLink(sys.resolve("device").resolve("driver")).getFileName().toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    /** The node's index on its device; 0 when the kernel does not say (older kernels had no metadata node). */
    private static int index(Path sys) {
        try {
            String s = Files.readString(sys.resolve("index"), StandardCharsets.US_ASCII).trim();
            return s.length() < 4 ? Integer.parseInt(s) : -1;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
