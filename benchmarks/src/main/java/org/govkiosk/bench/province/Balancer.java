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

/**
 * HAProxy (Debian's) in front of some of the instances, configured as docs/province.md shows (without TLS), but for
 * a more tolerant health check (see the configuration).
 */
final class Balancer implements AutoCloseable {

    static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final java.util.concurrent.atomic.AtomicInteger STARTS = new java.util.concurrent.atomic.AtomicInteger();

    final URI uri;
    private final URI stats;
    private final Process process;

    private Balancer(URI uri, URI stats, Process process) {
        this.uri = uri;
        this.stats = stats;
        this.process = process;
    }

    static Balancer start(List<PlatformInstance> servers, Path dir, int wantedConnections) throws IOException {
        // HAProxy needs two descriptors a connection (client and server side) and refuses to start when its maxconn
        // needs more than this process may open (it inherits the limit).
        int maxConnections = Math.min(wantedConnections, (openFilesLimit() - 200) / 2);
        StringBuilder lines = new StringBuilder();
        for (PlatformInstance in : servers) {
            lines.append("    server ").append(in.name).append(" 127.0.0.1:").append(in.port).append(" check\n");
        }
        int port = freePort();
        int statsPort = freePort();
        String name = "haproxy-" + STARTS.incrementAndGet() + "-of-" + servers.size();
        Path cfg = Files.writeString(dir.resolve(name + ".cfg"), """
                global
                    maxconn %d
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    retries 3
                    option redispatch
                frontend api
                    bind 127.0.0.1:%d
                    maxconn %d
                    http-request set-header X-Forwarded-For %%[src]
                    default_backend platform
                backend platform
                    balance roundrobin
                    option httpchk GET %s
                    http-check expect status 200
                    # Checked less tightly than docs/province.md's 500 ms (whose check times out after 500 ms): on
                    # this shared machine a starved instance then flapped down and up under load, which measured
                    # HAProxy's "no server available", not the platform.
                    timeout check 2s
                    default-server inter 1s fall 3 rise 2
                %sfrontend stats
                    bind 127.0.0.1:%d
                    stats enable
                    stats uri /stats
                """.formatted(maxConnections, port, maxConnections, ApiPaths.HEALTH, lines, statsPort));
        Process p = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        return new Balancer(URI.create("http://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + statsPort
                + "/stats;csv"), p);
    }

    /** Waits until HAProxy's checks have marked every server up. */
    void awaitUp(HttpClient http, int servers, Duration within) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            try {
                String csv = http.send(HttpRequest.newBuilder(stats).build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                long up = csv.lines().map(l -> l.split(",", -1))
                        .filter(f -> f.length > 17 && f[0].equals("platform") && !f[1].equals("BACKEND")
                                && f[17].startsWith("UP")).count();
                if (up == servers) {
                    return;
                }
            } catch (IOException notYet) {
                // HAProxy still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("HAProxy did not mark " + servers + " servers up within " + within);
    }

    /** This process's limit of open files (HAProxy inherits it), from /proc/self/limits. */
    static int openFilesLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    return Integer.parseInt(line.substring(26).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 1024;
        }
        return 1024;
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
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
