package org.govkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.staff.PasswordHash;
import org.govkiosk.platform.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first hall administrator from the command line ({@code add-staff}): the password from the environment or
 * standard input, never the arguments; the account signs in on the platform started on the same database; what
 * the table keeps is an Argon2id hash with its parameters, not the password.
 */
class StaffBootstrapTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String stdin, String... args) {
        return StaffBootstrap.run(args, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theFirstAdministratorComesFromTheCommandLineAndSignsIn() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("platform").toAbsolutePath();
        assertThat(run(Map.of(), "", "--login=wangfang", "--name=王芳", "--role=hall-admin", "--halls=HALL-1",
                "--db-url=" + url, "--password=" + StaffClient.PASSWORD)).as("a password in argv").isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("never given on the command line");
        assertThat(run(Map.of(), "short\n", "--login=wangfang", "--name=王芳", "--role=hall-admin",
                "--halls=HALL-1", "--db-url=" + url)).as("a weak password").isEqualTo(64);
        assertThat(run(Map.of(StaffBootstrap.PASSWORD_ENV, StaffClient.PASSWORD), "", "--login=wangfang",
                "--name=王芳", "--role=hall-admin", "--halls=HALL-1,HALL-2", "--db-url=" + url)).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wangfang", "HALL_ADMIN", "Argon2id")
                .doesNotContain(StaffClient.PASSWORD);
        assertThat(run(Map.of(), "another good password\n", "--login=lisi", "--name=李四", "--role=technician",
                "--halls=HALL-2", "--db-url=" + url)).as("the password on stdin").isEqualTo(0);
        assertThat(run(Map.of(), "another good password\n", "--login=lisi", "--name=李四", "--role=technician",
                "--halls=HALL-2", "--db-url=" + url)).as("a login taken").isEqualTo(65);

        try (Database db = Database.open(url, null, null)) {
            String stored = db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT password_hash FROM staff_accounts WHERE login = 'wangfang'");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(StaffClient.PASSWORD,
                    "horse");
            assertThat(PasswordHash.verify(StaffClient.PASSWORD.toCharArray(), stored)).isTrue();
        }

        try (PlatformServer server = PlatformServer.start(PlatformConfig.embedded().withDatabase(url, null, null))) {
            assertThat(StaffClient.api(server.baseUri(), "wangfang", StaffClient.PASSWORD).body())
                    .contains("\"role\":\"HALL_ADMIN\"", "HALL-1", "HALL-2");
            assertThat(StaffClient.api(server.baseUri(), "lisi", "another good password").statusCode()).isEqualTo(201);
        }
    }
}
