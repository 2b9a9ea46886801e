package org.govkiosk.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log export to a folder standing in for a mounted USB stick: real files, a real zip read back. */
class LogExportTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:04:05Z"));
    private final List<String> audited = new ArrayList<>();
    private Path logs;
    private Path audit;
    private Path stick;

    @BeforeEach
    void files() throws Exception {
        logs = Files.createDirectories(dir.resolve("var-log").resolve("govkiosk"));
        Files.writeString(logs.resolve("terminal.log"), "03:00 started\n");
        Files.writeString(logs.resolve("terminal.log.1"), "yesterday\n");
        audit = Files.createDirectories(dir.resolve("data").resolve("audit"));
        Files.writeString(audit.resolve("audit.log"), "{\"event\":\"maintenance-login-granted\"}\n");
        stick = Files.createDirectories(dir.resolve("media").resolve("USB DISK"));
    }

    private LogExport export(long freeBytes) {
        return new LogExport(new LogExport.Sources(List.of(logs, dir.resolve("missing")), audit,
                () -> "terminal.id: T-1\nmaintenance.pin-hash: (set)\n"), "T-1", clock, ZoneId.of("Asia/Shanghai"),
                p -> freeBytes, (event, details) -> audited.add(event + " " + details));
    }

    @Test
    void writesOneZipNamedByTerminalAndTimeWithLogsAuditAndConfigSummary() throws Exception {
        LogExport.Result result = export(1L << 30).exportTo(stick);

        assertThat(result).isInstanceOf(LogExport.Result.Exported.class);
        Path zip = ((LogExport.Result.Exported) result).zip();
        assertThat(zip).isEqualTo(stick.resolve("govkiosk-logs-T-1-20261122-110405.zip"));
        try (var files = Files.list(stick)) {
            assertThat(files.toList()).containsExactly(zip);
        }
        Map<String, String> entries = new HashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().forEach(e -> {
                try {
                    entries.put(e.getName(), new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                } catch (java.io.IOException io) {
                    throw new java.io.UncheckedIOException(io);
                }
            });
        }
        assertThat(entries).containsOnlyKeys("config-summary.txt", "logs/govkiosk/terminal.log",
                "logs/govkiosk/terminal.log.1", "audit/audit.log");
        assertThat(entries.get("logs/govkiosk/terminal.log")).isEqualTo("03:00 started\n");
        assertThat(entries.get("audit/audit.log")).contains("maintenance-login-granted");
        assertThat(entries.get("config-summary.txt")).contains("terminal.id: T-1");
        assertThat(audited).singleElement().asString().startsWith("log-export").contains(zip.getFileName().toString());
    }

    @Test
    void aFullMediumIsSaidSoAndLeftAsItWas() throws Exception {
        LogExport.Result result = export(1000).exportTo(stick);

        assertThat(result).isInstanceOf(LogExport.Result.Failed.class);
        assertThat(((LogExport.Result.Failed) result).messageKey()).isEqualTo("maintenance.export.full");
        try (var files = Files.list(stick)) {
            assertThat(files.toList()).isEmpty();
        }
        assertThat(audited).singleElement().asString().contains("maintenance.export.full");
    }

    @Test
    void aMissingMediumIsSaidSo() {
        LogExport.Result result = export(1L << 30).exportTo(dir.resolve("media").resolve("pulled-out"));

        assertThat(result).isEqualTo(new LogExport.Result.Failed("maintenance.export.no-medium",
                dir.resolve("media").resolve("pulled-out").toString()));
    }

    @Test
    void aReadOnlyMediumIsSaidSo() throws Exception {
        try (AutoCloseable writeProtected = org.govkiosk.testkit.DeniedFiles.readOnly(stick)) {
            LogExport.Result result = export(1L << 30).exportTo(stick);
            assertThat(((LogExport.Result.Failed) result).messageKey()).isEqualTo("maintenance.export.not-writable");
        }
    }

    @Test
    void removableMediaAreMountPointsOneOrTwoLevelsUnderTheRoots() throws Exception {
        Path media = dir.resolve("media");
        Path runMedia = Files.createDirectories(dir.resolve("run-media").resolve("tech").resolve("KINGSTON"));
        Files.createDirectories(media.resolve("not-mounted"));
        java.util.Set<Path> mounts = java.util.Set.of(stick, runMedia);
        RemovableMedia removable = new RemovableMedia(List.of(media, dir.resolve("run-media"), dir.resolve("none")),
                mounts::contains);

        assertThat(removable.mounted()).containsExactly(stick, runMedia);
        assertThat(new RemovableMedia(List.of(dir.resolve("none")), p -> true).mounted()).isEmpty();
    }

    @Test
    void theSystemsMountTableIsRead() {
        assertThat(RemovableMedia.mountPoints()).contains(Path.of("/"));
    }
}
