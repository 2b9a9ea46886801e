package org.govkiosk.bench.province;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.platform.PlatformMain;

/** One platform instance in a JVM of its own, started as its package starts it (PlatformMain, a config file). */
final class PlatformInstance implements AutoCloseable {

    /** The instances' intake-concurrency ({@code INTAKE}; their default, the cores, when not set). */
    private static final String INTAKE = System.getenv("INTAKE");

    final String name;
    final int port;
    private final Process process;

    private PlatformInstance(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    static PlatformInstance start(String name, String db, Path dir, String heap, String enrol, String clerk)
            throws IOException {
        int port = freePort();
        Path yaml = Files.writeString(dir.resolve(name + ".yaml"), "bind: 127.0.0.1\nport: " + port
                + "\ndb-url: " + db + "\ndb-user: " + BenchPostgres.USER + "\nbehind-tls-proxy: true"
                + "\nmax-connections-per-address: 0\ndrain-seconds: 0"
                + (INTAKE == null ? "" : "\nintake-concurrency: " + INTAKE) + "\ncertificate-key-dir: "
                + dir.resolve("keys").toAbsolutePath() + "\n");
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms" + heap, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                PlatformMain.class.getName(), "--config=" + yaml));
        pb.environment().put("GOVKIOSK_ENROLMENT_TOKEN", enrol);
        pb.environment().put("GOVKIOSK_CLERK_TOKEN", clerk);
        Process p = pb.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        return new PlatformInstance(name, port, p);
    }

    void awaitHealthy(HttpClient http, Duration within) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ApiPaths.HEALTH))
                .timeout(Duration.ofSeconds(5)).build();
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " died at start; see its log");
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not healthy within " + within);
    }

    long pid() {
        return process.pid();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
