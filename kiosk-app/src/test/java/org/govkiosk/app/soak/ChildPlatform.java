package org.govkiosk.app.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.api.TerminalRegistration;
import org.govkiosk.app.platform.PlatformClient;
import org.govkiosk.app.platform.PlatformException;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.platform.PlatformMain;

/**
 * The reference platform-server as its own process (a child JVM on this class path, started through
 * {@link PlatformMain} with its command-line flags), over an H2 file in {@code dir}. In its own process its pools
 * and caches do not count against the terminals' heap and threads, and an outage is a real one: the process gets
 * SIGTERM (or SIGKILL: a power cut, the database not closed) and a new one serves the same file on the same port.
 */
final class ChildPlatform implements AutoCloseable {

    private static final Duration START_WAIT = Duration.ofSeconds(120);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Path dir;
    private final Path database;
    private final String enrolmentToken = "enrol-" + UUID.randomUUID();
    private final int port;
    private volatile Process process;
    private int starts;
    private int kills;

    ChildPlatform(Path dir) throws IOException {
        this.dir = dir.toAbsolutePath();
        this.database = this.dir.resolve("platform");
        Files.writeString(this.dir.resolve("enrolment.token"), enrolmentToken);
        this.port = freePort();
        // A soak stopped with Ctrl-C or kill must not leave its platform running on the machine.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
            }
        }, "child-platform-reaper"));
        start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The registration a technician would make for this terminal, with this platform's enrolment token. */
    void register(PlatformClient client, String terminalId, PublicKey key) throws PlatformException {
        client.register(new TerminalRegistration(terminalId, RealPlatform.HALL, TerminalKeys.encodePublic(key),
                enrolmentToken, "SOAK-KIOSK", "soak"));
    }

    /** Starts the child and waits until its port accepts connections. */
    synchronized void start() {
        if (process != null) {
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xms64m", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                PlatformMain.class.getName(), "--bind=127.0.0.1", "--port=" + port,
                "--db-url=jdbc:h2:file:" + database,
                // its generated certificate keys with its database, not in the working directory
                "--certificate-key-dir=" + dir.resolve("certificate-keys"),
                "--enrolment-token-file=" + dir.resolve("enrolment.token"));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("platform-server.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the platform-server child JVM", e);
        }
        starts++;
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (!accepts()) {
            if (!process.isAlive()) {
                int code = process.exitValue();
                process = null;
                throw new IllegalStateException("the platform-server exited with " + code + " at start; see "
                        + dir.resolve("platform-server.log"));
            }
            if (System.nanoTime() > deadline) {
                stop(true);
                throw new IllegalStateException("the platform-server did not open port " + port + " within "
                        + START_WAIT.toSeconds() + " s; see " + dir.resolve("platform-server.log"));
            }
            sleep(100);
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Ends the child: SIGTERM lets it close Jetty and the database in its shutdown hook; {@code kill} (SIGKILL)
     * leaves H2 to recover its file at the next start. Waits until the process is gone.
     */
    synchronized void stop(boolean kill) {
        if (process == null) {
            return;
        }
        Process p = process;
        process = null;
        if (kill) {
            kills++;
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        try {
            if (!p.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                kills++;
                p.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    synchronized boolean running() {
        return process != null;
    }

    synchronized String summary() {
        return String.format("platform-server child JVM: started %d times, %d of its stops SIGKILL", starts, kills);
    }

    /**
     * Rows per idempotency key in the platform's table ({@code cases} or {@code ratings}), read with JDBC from the
     * H2 file: only with the child stopped, so that what is read is what the platform committed.
     */
    synchronized Map<String, Integer> storedKeys(String table) throws SQLException {
        if (process != null) {
            throw new IllegalStateException("stop the platform-server before reading its database");
        }
        if (!table.equals("cases") && !table.equals("ratings")) {
            throw new IllegalArgumentException("cases or ratings, not " + table);
        }
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT idempotency_key, COUNT(*) FROM " + table
                     + " GROUP BY idempotency_key")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the platform-server", e);
        }
    }

    @Override
    public void close() {
        stop(false);
    }
}
