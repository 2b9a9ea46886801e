package org.govkiosk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 platform database flushes every commit before the platform answers: with H2's default 500 ms write delay
 * a platform killed right after answering 201 lost cases the terminal had already erased (45 in a 100k soak).
 */
class DatabaseDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void anH2FileDatabaseIsOpenedWithoutWriteDelayAndKeepsTheSetting() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("platform").toAbsolutePath();
        try (Connection plain = DriverManager.getConnection(url, "sa", "")) {
            assertThat(writeDelay(plain)).as("H2's own default").isEqualTo(500);
        }
        try (Database db = Database.open(url, "sa", "")) {
            assertThat(db.h2WriteDelayMillis()).isZero();
        }
        // Persistent in the file: a tool or a later version opening it plainly sees it too.
        try (Connection plain = DriverManager.getConnection(url, "sa", "")) {
            assertThat(writeDelay(plain)).isZero();
        }
    }

    @Test
    void aUserWhoMayNotChangeTheSettingIsAClearStartError() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("platform").toAbsolutePath();
        try (Connection admin = DriverManager.getConnection(url, "sa", "");
             Statement s = admin.createStatement()) {
            s.execute("CREATE USER CLERK PASSWORD 'pw'");
            // May create the schema's tables, may not change database settings.
            s.execute("GRANT ALTER ANY SCHEMA TO CLERK");
        }
        assertThatThrownBy(() -> Database.open(url, "CLERK", "pw").close())
                .isInstanceOf(StorageException.class).hasMessageContaining("WRITE_DELAY 0");
    }

    private static int writeDelay(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(rs.next()).as("WRITE_DELAY listed").isTrue();
            return Integer.parseInt(rs.getString(1));
        }
    }
}
