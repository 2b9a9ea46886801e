package org.govkiosk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.RunningPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, attack 6: the platform's H2 file held every citizen's case with mode 0644, readable by every account
 * on the host. Its data directory is made 0700 and its files 0600, whatever the umask the process runs with.
 */
class DataFilePermissionsTest {

    @TempDir
    Path dir;

    @Test
    void theDataDirectoryIsOwnerOnlyAndSoIsEveryFileInIt() throws Exception {
        Path data = dir.resolve("data");
        PlatformConfig config = config()
                .withDatabase("jdbc:h2:file:" + data.resolve("govkiosk-platform").toAbsolutePath(), null, null);
        try (PlatformServer server = PlatformServer.start(config)) {
            assertThat(server.port()).isPositive();
            assertThat(permissions(data)).as("while it runs").containsEntry("data/", "rwx------")
                    .allSatisfy((file, mode) -> assertThat(mode).as(file).isIn("rwx------", "rw-------"));
        }
        Map<String, String> afterStop = permissions(data);
        assertThat(afterStop).as("the database file is there").containsKey("data/govkiosk-platform.mv.db");
        assertThat(afterStop).as("after a stop").containsEntry("data/", "rwx------")
                .allSatisfy((file, mode) -> assertThat(mode).as(file).isIn("rwx------", "rw-------"));
    }

    @Test
    void aDatabaseFileLeftOpenToOthersIsClosedAtStart() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        String url = "jdbc:h2:file:" + data.resolve("govkiosk-platform").toAbsolutePath();
        try (PlatformServer first = PlatformServer.start(config().withDatabase(url, null, null))) {
            assertThat(first.port()).isPositive();
        }
        // As an older version left it, or a copy restored from a backup with a loose umask.
        Files.setPosixFilePermissions(data.resolve("govkiosk-platform.mv.db"),
                PosixFilePermissions.fromString("rw-r--r--"));
        try (PlatformServer again = PlatformServer.start(config().withDatabase(url, null, null))) {
            assertThat(Files.getPosixFilePermissions(data.resolve("govkiosk-platform.mv.db")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static PlatformConfig config() {
        return PlatformConfig.embedded().withTokens(RunningPlatform.ENROLMENT, RunningPlatform.CLERK);
    }

    private static Map<String, String> permissions(Path data) throws Exception {
        Map<String, String> modes = new LinkedHashMap<>();
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String name = data.getParent().relativize(p).toString() + (Files.isDirectory(p) ? "/" : "");
                modes.put(name, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        return modes;
    }
}
