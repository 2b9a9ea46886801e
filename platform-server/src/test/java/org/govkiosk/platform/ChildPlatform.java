package org.govkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.govkiosk.testkit.Await;

/** One platform instance in a JVM of its own, as PlatformMain starts it. */
final class ChildPlatform {
    /**
     * On SIGTERM the instance fails its health check this long while serving on: above the balancers' check of the
     * tests (every 500 ms, down after 2), so HAProxy has stopped sending to it before it stops.
     */
    static final int DRAIN_SECONDS = 2;
    final String name;
    final int port;
    final String db;
    private final Path dir;
    private final HttpClient http;
    private Process process;
    private int starts;

    ChildPlatform(String name, int port, String db, Path dir, HttpClient http) {
        this.dir = dir;
        this.http = http;
        this.name = name;
        this.port = port;
        this.db = db;
    }

    void start() throws IOException {
        Path yaml = Files.writeString(dir.resolve(name + ".yaml"), "bind: 127.0.0.1\nport: " + port
                + "\ndb-url: " + db + "\ndb-user: " + PostgresCluster.USER + "\nbehind-tls-proxy: true"
                + "\nmax-connections-per-address: 0\ndrain-seconds: " + DRAIN_SECONDS + "\ncertificate-key-dir: "
                + dir.resolve("keys").toAbsolutePath() + "\n");
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PlatformMain.class.getName(), "--config=" + yaml));
        pb.environment().put("GOVKIOSK_ENROLMENT_TOKEN", RunningPlatform.ENROLMENT);
        pb.environment().put("GOVKIOSK_CLERK_TOKEN", RunningPlatform.CLERK);
        process = pb.redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + "-" + (++starts) + ".log").toFile()).start();
    }

    void awaitHealthy() {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + ApiPaths.HEALTH))
                .build();
        Await.until(name + " healthy", Duration.ofSeconds(90), () -> {
            assertThat(process.isAlive()).as(name + " died at start; see its log in " + dir).isTrue();
            try {
                return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** SIGKILL: no shutdown hook, no goodbye to the balancer or the database. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM: the platform's own stop. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
