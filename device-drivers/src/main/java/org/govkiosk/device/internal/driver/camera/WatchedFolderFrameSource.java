package org.govkiosk.device.internal.driver.camera;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames from picture files that camera software drops into a folder. The folder is polled, not watched with
 * inotify: document cameras often write to network shares, where change events do not arrive.
 * <p>
 * A file is taken once its size and modification time have stayed the same for the settle time, so a picture
 * still being written is not read half-way; names a writer uses while writing ({@code .part}, {@code .tmp},
 * {@code .crdownload}, leading dot) are never taken, so write-then-rename needs no settle time at all. Frames are
 * taken oldest first. A taken file is deleted (or, for setting a camera up, moved to {@code done/}: see
 * {@link CameraFolderSettings}); one
 * that is not a readable picture goes to {@code failed/} for the technician. A missing, unreadable or read-only
 * folder is reported and looked at again every interval: it may be a share that is not mounted yet.
 */
public final class WatchedFolderFrameSource implements FrameSource {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedFolderFrameSource.class);
    static final String DONE = "done";
    static final String FAILED = "failed";
    private static final List<String> PARTIAL_SUFFIXES = List.of(".part", ".tmp", ".crdownload", ".partial");

    private final String name;
    private final CameraFolderSettings settings;
    private final Clock clock;
    private final Object signal = new Object();
    /** Files seen but not yet settled, by path; only the watcher thread touches these maps. */
    private final Map<Path, Observation> pending = new HashMap<>();
    /** Files that could be read but not moved away: not read again while they stay as they are. */
    private final Map<Path, Observation> stuck = new HashMap<>();
    private volatile boolean closed;
    private volatile boolean wakeUp;
    private Thread watcher;
    private Boolean wasAvailable;
    private String lastProblem;

    public WatchedFolderFrameSource(String name, CameraFolderSettings settings, Clock clock) {
        this.name = Objects.requireNonNull(name);
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        if (!settings.deleteProcessed()) {
            LOG.warn("Camera {} keeps every picture it reads in {} (options.processed: move): they show citizens'"
                    + " documents and codes and nothing deletes them; use it to set the camera up, then remove it",
                    name, settings.folder().resolve(DONE));
        }
    }

    private record Observation(long size, long modifiedNanos, Instant since) {
        boolean sameFile(Observation o) {
            return size == o.size && modifiedNanos == o.modifiedNanos;
        }
    }

    @Override
    public synchronized void start(FrameSink sink) {
        if (watcher != null) {
            throw new IllegalStateException(describe() + " already started");
        }
        watcher = new Thread(() -> run(sink), "camera-folder-" + name);
        watcher.setDaemon(true);
        watcher.start();
    }

    private void run(FrameSink sink) {
        while (!closed) {
            try {
                scanOnce(sink);
            } catch (RuntimeException e) {
                // A bug here must not end the thread: the folder is looked at again next interval.
                LOG.error("Camera folder {} failed while scanning", settings.folder(), e);
            }
            pause();
        }
    }

    private void pause() {
        synchronized (signal) {
            long until = System.nanoTime() + settings.pollInterval().toNanos();
            while (!closed && !wakeUp) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            wakeUp = false;
        }
    }

    /** One look at the folder: report its state, take the files that have settled. Package-private for tests. */
    void scanOnce(FrameSink sink) {
        List<Path> ready;
        try {
            ready = settledFiles();
        } catch (DeviceException e) {
            pending.clear();
            if (!Boolean.FALSE.equals(wasAvailable) || !e.getMessage().equals(lastProblem)) {
                wasAvailable = false;
                lastProblem = e.getMessage();
                sink.unavailable(e);
            }
            return;
        }
        if (!Boolean.TRUE.equals(wasAvailable)) {
            wasAvailable = true;
            lastProblem = null;
            sink.available();
        }
        sink.checked();
        for (Path file : ready) {
            if (closed) {
                return;
            }
            take(file, sink);
            sink.checked();
        }
    }

    private List<Path> settledFiles() throws DeviceException {
        Path folder = settings.folder();
        if (!Files.exists(folder)) {
            throw new DeviceException(DeviceException.Code.PORT_NOT_FOUND, DeviceStatusDetail.PORT_NOT_FOUND,
                    "camera folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new DeviceException(DeviceException.Code.CONFIGURATION_INVALID,
                    DeviceStatusDetail.CONFIGURATION_ERROR, "camera folder " + folder + " is not a folder");
        }
        if (!Files.isReadable(folder) || !Files.isWritable(folder) || !Files.isExecutable(folder)) {
            throw denied(folder, null);
        }
        try {
            Files.createDirectories(folder.resolve(DONE));
            Files.createDirectories(folder.resolve(FAILED));
        } catch (IOException e) {
            throw denied(folder, e);
        }
        Instant now = clock.instant();
        Map<Path, Observation> seen = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                if (!isPartialName(p)) {
                    observe(p, now).ifPresent(o -> seen.put(p, o));
                }
            }
        } catch (IOException e) {
            throw new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.COMMUNICATION_ERROR,
                    "camera folder " + folder + " cannot be listed: " + e.getMessage(), e);
        }
        pending.keySet().retainAll(seen.keySet());
        stuck.entrySet().removeIf(s -> !seen.containsKey(s.getKey()) || !seen.get(s.getKey()).sameFile(s.getValue()));
        List<Path> ready = new ArrayList<>();
        for (Map.Entry<Path, Observation> e : seen.entrySet()) {
            Path p = e.getKey();
            if (stuck.containsKey(p)) {
                continue;
            }
            Observation before = pending.get(p);
            Observation current = e.getValue();
            if (before == null || !before.sameFile(current)) {
                pending.put(p, current);
                before = current;
            }
            if (Duration.between(before.since(), now).compareTo(settings.settle()) >= 0) {
                ready.add(p);
            }
        }
        ready.sort((a, b) -> Long.compare(seen.get(a).modifiedNanos(), seen.get(b).modifiedNanos()));
        return ready;
    }

    private static DeviceException denied(Path folder, IOException cause) {
        return new DeviceException(DeviceException.Code.PORT_PERMISSION_DENIED,
                DeviceStatusDetail.PORT_PERMISSION_DENIED, "camera folder " + folder
                        + " must be readable and writable by the terminal" + (cause == null ? ""
                                : " (" + cause.getMessage() + ")"), cause);
    }

    private static Optional<Observation> observe(Path p, Instant now) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) {
                return Optional.empty(); // done/, failed/, anything else a technician left there
            }
            return Optional.of(new Observation(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), now));
        } catch (IOException e) {
            return Optional.empty(); // gone between listing and looking: it was never ours
        }
    }

    static boolean isPartialName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.startsWith(".") || PARTIAL_SUFFIXES.stream().anyMatch(n::endsWith);
    }

    private void take(Path file, FrameSink sink) {
        String fileName = file.getFileName().toString();
        Observation observed = pending.remove(file);
        if (!sink.wantsFrames()) {
            LOG.debug("Camera folder {}: {} arrived while no code is wanted; discarded unread", name, fileName);
            dispose(file, observed);
            return;
        }
        ImageFiles.ImageRead read = ImageFiles.read(file, settings.maxPixels());
        if (read instanceof ImageFiles.Image image) {
            try {
                sink.frame(new Frame(fileName, image.image(), clock.instant()));
            } catch (RuntimeException e) {
                LOG.error("Camera folder {}: handling frame {} failed", name, fileName, e);
            }
            dispose(file, observed);
        } else if (read instanceof ImageFiles.Unreadable bad) {
            sink.unreadable(fileName, bad.reason());
            move(file, FAILED, observed);
        }
    }

    private void dispose(Path file, Observation observed) {
        if (!settings.deleteProcessed()) {
            move(file, DONE, observed);
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            couldNotMove(file, "delete", e, observed);
        }
    }

    private void move(Path file, String subfolder, Observation observed) {
        Path dir = file.resolveSibling(subfolder);
        String fileName = file.getFileName().toString();
        for (int attempt = 0; attempt < 100; attempt++) {
            Path target = dir.resolve(attempt == 0 ? fileName : uniqueName(fileName, attempt));
            try {
                Files.move(file, target);
                return;
            } catch (FileAlreadyExistsException e) {
                // A camera that restarts its numbering: keep both pictures.
            } catch (NoSuchFileException e) {
                return; // removed by someone else meanwhile: nothing left to move
            } catch (IOException e) {
                couldNotMove(file, "move to " + subfolder + "/", e, observed);
                return;
            }
        }
        couldNotMove(file, "move to " + subfolder + "/", new FileAlreadyExistsException(fileName), observed);
    }

    private static String uniqueName(String fileName, int attempt) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String ext = dot > 0 ? fileName.substring(dot) : "";
        return stem + "-" + System.currentTimeMillis() + "-" + attempt + ext;
    }

    private void couldNotMove(Path file, String what, IOException e, Observation observed) {
        // Remembered, so the same picture is not read (and its code published) again on every scan.
        if (observed != null) {
            stuck.put(file, observed);
        }
        LOG.error("Camera folder {}: could not {} {}: {}", name, what, file.getFileName(),
                e instanceof AccessDeniedException ? "permission denied" : e.toString());
    }

    /** How many files are waiting to settle; for tests. */
    int pendingCount() {
        return pending.size();
    }

    @Override
    public void retryNow() {
        synchronized (signal) {
            wakeUp = true;
            signal.notifyAll();
        }
    }

    @Override
    public String describe() {
        return "folder:" + settings.folder();
    }

    @Override
    public void close() {
        closed = true;
        retryNow();
        Thread t;
        synchronized (this) {
            t = watcher;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
