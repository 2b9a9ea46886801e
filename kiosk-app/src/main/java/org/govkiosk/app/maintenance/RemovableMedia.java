package org.govkiosk.app.maintenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * USB sticks and other removable media as the desktop mounts them: a mount point directly under a root
 * ({@code /media/usb0}) or one level deeper ({@code /run/media/<user>/<label>}, {@code /media/<user>/<label>}).
 */
public final class RemovableMedia {

    private static final Logger LOG = LoggerFactory.getLogger(RemovableMedia.class);

    private final List<Path> roots;
    private final Predicate<Path> isMountPoint;

    public RemovableMedia(List<Path> roots, Predicate<Path> isMountPoint) {
        this.roots = List.copyOf(roots);
        this.isMountPoint = isMountPoint;
    }

    /** The system's mounts as listed in /proc/self/mounts (Linux). */
    public static RemovableMedia of(List<Path> roots) {
        return new RemovableMedia(roots, path -> mountPoints().contains(path.toAbsolutePath().normalize()));
    }

    public List<Path> roots() {
        return roots;
    }

    /** The mounted media now, sorted by path; empty when none is plugged in. */
    public List<Path> mounted() {
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            for (Path child : directories(root)) {
                if (isMountPoint.test(child)) {
                    found.add(child);
                } else {
                    directories(child).stream().filter(isMountPoint).forEach(found::add);
                }
            }
        }
        return found.stream().sorted().toList();
    }

    private static List<Path> directories(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            // e.g. /run/media/<other user> is not readable: its media are not ours to write to anyway
            LOG.debug("Cannot list {}: {}", dir, e.toString());
            return List.of();
        }
    }

    static Set<Path> mountPoints() {
        Set<Path> points = new HashSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
                String[] fields = line.split(" ");
                if (fields.length > 1) {
                    // /proc/mounts escapes spaces and tabs in octal (\040), as in "/media/USB DISK"
                    points.add(Path.of(fields[1].replace("\\040", " ").replace("\\011", "\t")));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Mounts not readable: {}", e.toString());
        }
        return points;
    }
}
