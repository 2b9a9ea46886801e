package org.govkiosk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's database stays open until the platform's own shutdown hook closes it: H2's hook used to close it
 * beside that hook, under requests the web server was still finishing when the platform got SIGTERM.
 */
class DatabaseShutdownTest {

    @TempDir
    Path dir;

    /**
     * A JVM that opens the database and exits while a request holds a connection in the middle of its transaction;
     * its shutdown hook, like the platform's, waits for the request to finish before closing the database.
     */
    public static void main(String[] args) throws Exception {
        Database db = Database.open(args[0], "sa", "");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch exiting = new CountDownLatch(1);
        Thread request = new Thread(() -> {
            try {
                db.inTransaction(c -> {
                    holding.countDown();
                    // H2's own hook, if it runs, has closed the database half a second after the exit began
                    awaitThenPause(exiting, 500);
                    try (Statement s = c.createStatement()) {
                        return s.executeUpdate("CREATE TABLE written_on_exit (id INT)");
                    }
                });
                System.out.println("written");
            } catch (Exception e) {
                System.out.println("failed: " + e.getMessage());
            }
        }, "request");
        request.start();
        holding.await();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            exiting.countDown();
            try {
                request.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            db.close();
        }));
        System.exit(0);
    }

    private static void awaitThenPause(CountDownLatch latch, long millis) {
        try {
            latch.await();
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aTransactionInFlightWhenTheJvmExitsStillCommits() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("platform").toAbsolutePath();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), DatabaseShutdownTest.class.getName(), url)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(out).as("child output").contains("written").doesNotContain("failed");
    }

    @Test
    void onlyH2UrlsWithoutTheSettingGetIt() {
        assertThat(Database.withoutH2CloseOnExit("jdbc:h2:file:/var/lib/p"))
                .isEqualTo("jdbc:h2:file:/var/lib/p;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(Database.withoutH2CloseOnExit("jdbc:h2:file:/p;db_close_on_exit=TRUE"))
                .as("an operator's own choice stays").isEqualTo("jdbc:h2:file:/p;db_close_on_exit=TRUE");
        assertThat(Database.withoutH2CloseOnExit("jdbc:postgresql://db/govkiosk"))
                .isEqualTo("jdbc:postgresql://db/govkiosk");
    }
}
