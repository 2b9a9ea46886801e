package org.govkiosk.app.maintenance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.govkiosk.app.audit.Audit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the terminal's logs, its audit log and a configuration summary (no secrets) to a removable medium as one
 * zip named by terminal and time. The zip is written under a temporary name and renamed when complete, so a stick
 * pulled out too early never holds a file that looks whole.
 */
public final class LogExport {

    private static final Logger LOG = LoggerFactory.getLogger(LogExport.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** Room left for the zip's own headers and the file system's blocks. */
    private static final long MARGIN_BYTES = 64 * 1024;

    /** Where the export reads from. @param logDirs folders of log files (missing ones are skipped) */
    public record Sources(List<Path> logDirs, Path auditDir, Supplier<String> configSummary) {
        public Sources {
            logDirs = List.copyOf(logDirs);
        }
    }

    public sealed interface Result {
        record Exported(Path zip, int files, long bytes) implements Result {
        }

        /** @param messageKey what to tell the technician (an i18n key); {@code detail} fills its {0} */
        record Failed(String messageKey, String detail) implements Result {
        }
    }

    private final Sources sources;
    private final String terminalId;
    private final Clock clock;
    private final ZoneId zone;
    private final ToLongFunction<Path> usableSpace;
    private final Audit audit;

    /** @param usableSpace free bytes on the medium holding a path ({@link #freeSpace}) */
    public LogExport(Sources sources, String terminalId, Clock clock, ZoneId zone, ToLongFunction<Path> usableSpace,
            Audit audit) {
        this.sources = sources;
        this.terminalId = terminalId;
        this.clock = clock;
        this.zone = zone;
        this.usableSpace = usableSpace;
        this.audit = audit;
    }

    public static long freeSpace(Path path) {
        try {
            return Files.getFileStore(path).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Writes the zip to {@code medium}; never throws, every failure is a {@link Result.Failed}. */
    public Result exportTo(Path medium) {
        Result result = write(medium);
        audit.record("log-export", result instanceof Result.Exported ok
                ? Map.of("medium", medium.toString(), "file", ok.zip().getFileName().toString(),
                        "files", String.valueOf(ok.files()))
                : Map.of("medium", String.valueOf(medium), "failed", ((Result.Failed) result).messageKey()));
        return result;
    }

    private Result write(Path medium) {
        if (medium == null || !Files.isDirectory(medium)) {
            return new Result.Failed("maintenance.export.no-medium", String.valueOf(medium));
        }
        if (!Files.isWritable(medium)) {
            return new Result.Failed("maintenance.export.not-writable", medium.toString());
        }
        List<Path[]> files = collect();
        long needed = files.stream().mapToLong(f -> size(f[0])).sum() + MARGIN_BYTES;
        long free = usableSpace.applyAsLong(medium);
        if (free >= 0 && free < needed) {
            return new Result.Failed("maintenance.export.full", megabytes(needed));
        }
        String name = "govkiosk-logs-" + terminalId.replaceAll("[^A-Za-z0-9_-]", "_") + "-"
                + STAMP.format(clock.instant().atZone(zone)) + ".zip";
        Path zip = medium.resolve(name);
        Path part = medium.resolve(name + ".part");
        try {
            long bytes = zip(files, part);
            Files.move(part, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Logs exported to {} ({} files, {} bytes)", zip, files.size() + 1, bytes);
            return new Result.Exported(zip, files.size() + 1, bytes);
        } catch (IOException e) {
            deleteQuietly(part);
            LOG.error("Log export to {} failed: {}", medium, e.toString());
            return failure(e);
        }
    }

    private static Result.Failed failure(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof AccessDeniedException || message.contains("Read-only file system")) {
            return new Result.Failed("maintenance.export.not-writable", message);
        }
        if (message.contains("No space left") || (e instanceof FileSystemException fs
                && String.valueOf(fs.getReason()).contains("No space left"))) {
            return new Result.Failed("maintenance.export.full", message);
        }
        return new Result.Failed("maintenance.export.failed", message);
    }

    /** Pairs of (file on disk, name in the zip). */
    private List<Path[]> collect() {
        List<Path[]> files = new ArrayList<>();
        for (Path dir : sources.logDirs()) {
            addTree(files, dir, "logs/" + dir.getFileName() + "/");
        }
        addTree(files, sources.auditDir(), "audit/");
        return files;
    }

    private static void addTree(List<Path[]> files, Path dir, String prefix) {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).sorted().forEach(f -> files.add(
                    new Path[] {f, Path.of(prefix + dir.relativize(f).toString().replace('\\', '/'))}));
        } catch (IOException e) {
            LOG.warn("Logs in {} not listed: {}", dir, e.toString());
        }
    }

    private long zip(List<Path[]> files, Path part) throws IOException {
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream raw = Channels.newOutputStream(channel);
            ZipOutputStream zip = new ZipOutputStream(raw, StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry("config-summary.txt"));
            zip.write(sources.configSummary().get().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Path[] f : files) {
                zip.putNextEntry(new ZipEntry(f[1].toString()));
                try {
                    Files.copy(f[0], zip);
                } catch (java.nio.file.NoSuchFileException rotatedAway) {
                    LOG.debug("{} vanished while exporting (rotated)", f[0]);
                }
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
            // The technician pulls the stick out right after "done": the bytes must be on it by then.
            channel.force(true);
            return channel.size();
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Partial export {} not deleted: {}", p, e.toString());
        }
    }
}
