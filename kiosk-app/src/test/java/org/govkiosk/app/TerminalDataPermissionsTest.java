package org.govkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.govkiosk.app.audit.AuditLog;
import org.govkiosk.app.cases.TestCases;
import org.govkiosk.app.config.ConfigLoader;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.context.TerminalPlatform;
import org.govkiosk.app.security.TerminalKeyStore;
import org.govkiosk.app.usage.UsageStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, attack 6: what the terminal keeps in its data directory (outbox, key store, audit log, usage
 * statistics) is for its own account only: directories 0700, files 0600, even when started with umask 022.
 */
class TerminalDataPermissionsTest {

    @TempDir
    Path dir;

    @Test
    void everythingTheTerminalWritesInItsDataDirectoryIsOwnerOnly() throws Exception {
        TerminalConfig config = config();
        Path data = dir.resolve("var").resolve("T-1");
        Clock clock = Clock.systemUTC();
        TerminalKeyStore keys = TerminalPlatform.openKeys(config, data);
        try (org.govkiosk.app.ops.FileLogging logs = org.govkiosk.app.ops.FileLogging.attach(data.resolve("logs"));
                AuditLog audit = AuditLog.open(data.resolve("audit").resolve("audit.log"), keys.auditKey(), clock);
                UsageStatistics usage = UsageStatistics.open(data.resolve("usage.db"), clock, ZoneId.systemDefault(),
                        Runnable::run);
                TerminalPlatform link = TerminalPlatform.start(config, data, keys, clock, audit,
                        new CompletableFuture<URI>(), CompletableFuture.completedFuture(Optional.empty()),
                        CompletableFuture.completedFuture(Optional.empty()))) {
            audit.record("app-started", Map.of());
            usage.sessionEnded("FINISHED");
            link.queue().submit(TestCases.draft(clock));
            assertOwnerOnly(data, "while the terminal runs");
        }
        assertOwnerOnly(data, "after it stopped");
    }

    private static void assertOwnerOnly(Path data, String when) throws Exception {
        Map<String, String> modes = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                modes.put(data.relativize(p) + (Files.isDirectory(p) ? "/" : ""),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        assertThat(modes).as(when).containsKeys("/", "outbox/outbox.db", "keys/" + TerminalKeyStore.FILE_NAME,
                "audit/audit.log", "usage.db", "logs/terminal.log");
        assertThat(modes).as(when).allSatisfy((path, mode) -> assertThat(mode).as(path)
                .isEqualTo(path.endsWith("/") ? "rwx------" : "rw-------"));
    }

    private TerminalConfig config() throws Exception {
        Path cfg = Files.createDirectories(dir.resolve("config"));
        Files.copy(Path.of("../config/terminal.yaml"), cfg.resolve("terminal.yaml"));
        Files.writeString(cfg.resolve("devices.yaml"), "devices: []\n");
        return ConfigLoader.load(cfg);
    }
}
