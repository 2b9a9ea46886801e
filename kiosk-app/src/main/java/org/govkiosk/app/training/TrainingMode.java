package org.govkiosk.app.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.govkiosk.app.audit.Audit;
import org.govkiosk.app.security.DurableFiles;
import org.govkiosk.app.security.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 培训模式: a terminal a technician switched to training (for new staff, volunteers, a hall's open day). While it is
 * on, the cases it files are marked as training (the platform keeps them apart from real ones and their
 * statistics), its ratings are not sent, every paper says 培训 SPECIMEN and every screen shows a banner.
 *
 * <p>The switch survives a restart and a power cut: it is kept in {@code DATA_DIR/training-mode}, written aside,
 * synced and renamed in one step. A file that says neither {@code on} nor {@code off} is taken as on: a practice
 * case filed as real is worse than a terminal that stays in training until a technician looks. Each switch is in
 * the audit log with who did it.
 */
public final class TrainingMode {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingMode.class);
    public static final String FILE = "training-mode";

    private final Path file;
    private final Audit audit;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean on;

    private TrainingMode(Path file, Audit audit, boolean on) {
        this.file = file;
        this.audit = audit;
        this.on = on;
    }

    /** The switch as the data directory keeps it (off when it was never switched). */
    public static TrainingMode open(Path dataDir, Audit audit) {
        Path file = dataDir.resolve(FILE);
        boolean on = false;
        if (Files.exists(file)) {
            String text;
            try {
                text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                text = "unreadable (" + e.getMessage() + ")";
            }
            on = !"off".equals(text);
            if (!"on".equals(text) && !"off".equals(text)) {
                LOG.error("{} says '{}', neither on nor off: the terminal stays in training mode until a technician"
                        + " switches it off in maintenance mode", file, text.length() > 40 ? text.substring(0, 40)
                        : text);
            }
        }
        if (on) {
            LOG.warn("TRAINING MODE: cases are filed as training, ratings are not sent, papers are specimens");
        }
        return new TrainingMode(file, audit, on);
    }

    /** An untouchable off switch (tests, tools without a data directory). */
    public static TrainingMode off() {
        return new TrainingMode(null, null, false);
    }

    public boolean on() {
        return on;
    }

    /**
     * Switches training on or off, durably, and says so in the audit log.
     *
     * @param by who switched (the maintenance session)
     * @throws UncheckedIOException if the switch cannot be kept; it is then not changed
     */
    public synchronized void set(boolean training, String by) {
        if (training == on) {
            return;
        }
        if (file == null) {
            throw new IllegalStateException("this terminal cannot be switched to training mode");
        }
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            OwnerOnly.file(tmp);
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.write(ByteBuffer.wrap((training ? "on\n" : "off\n").getBytes(StandardCharsets.US_ASCII)));
                c.force(true);
            }
            DurableFiles.replace(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the training switch in " + file + ": " + e.getMessage(), e);
        }
        on = training;
        audit.record(training ? "training-mode-on" : "training-mode-off", Map.of("by", by));
        LOG.warn("Training mode switched {} by {}", training ? "ON" : "off", by);
        listeners.forEach(l -> l.accept(training));
    }

    /** Told of each switch, on the thread that switched. */
    public void onChange(Consumer<Boolean> listener) {
        listeners.add(listener);
    }
}
