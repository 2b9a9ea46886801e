package org.govkiosk.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference platform / hall gateway. This first cut answers health checks only; the case, rating and
 * certificate API of the OpenAPI document follows. Runs embedded (demo, tests) or standalone via {@link #main}.
 */
public final class PlatformServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;

    private PlatformServer(HttpServer server, ExecutorService executor, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.clock = clock;
    }

    /** Starts on the given address; port 0 picks a free one (see {@link #port()}). */
    public static PlatformServer start(InetSocketAddress address, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(address, 64);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "platform-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        PlatformServer platform = new PlatformServer(server, executor, clock);
        server.createContext("/api/v1/health", platform::health);
        server.createContext("/", exchange -> platform.send(exchange, 404,
                "{\"error\":\"not-found\",\"retryable\":false}"));
        server.start();
        LOG.info("Platform server listening on {}:{}", address.getHostString(), platform.port());
        return platform;
    }

    /** Embedded on loopback, on a free port. */
    public static PlatformServer startEmbedded() throws IOException {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Clock.systemUTC());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    private void health(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "{\"error\":\"method-not-allowed\",\"retryable\":false}");
            return;
        }
        send(exchange, 200, "{\"status\":\"UP\",\"time\":\"" + clock.instant() + "\"}");
    }

    private void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8686;
        start(new InetSocketAddress(port), Clock.systemUTC());
    }
}
