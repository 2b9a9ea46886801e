package org.govkiosk.app.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technicians' monitoring endpoint: {@code GET /health} (JSON; 200 while the terminal serves, 503 when it
 * cannot) and {@code GET /metrics} (Prometheus text). On loopback by default; bound to another address it
 * requires {@code Authorization: Bearer TOKEN}, and refuses to start without a token.
 */
public final class OpsHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsHttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Optional<String> token;

    /** Answers on the HTTP server's own dispatcher thread. */
    public OpsHttpServer(InetSocketAddress address, Optional<String> token, Supplier<HealthReport> health,
            Supplier<String> metrics) throws IOException {
        this(address, token, health, metrics, null);
    }

    /**
     * @param handlers where requests are answered (the terminal's executor registry makes it and closes it after
     *                 the server); null for the HTTP server's own dispatcher thread
     */
    public OpsHttpServer(InetSocketAddress address, Optional<String> token, Supplier<HealthReport> health,
            Supplier<String> metrics, Executor handlers) throws IOException {
        if (!address.getAddress().isLoopbackAddress() && token.isEmpty()) {
            throw new IllegalArgumentException("the ops endpoint on " + address
                    + " is reachable from the network: it needs a token");
        }
        this.token = token;
        this.server = HttpServer.create(address, 16);
        server.setExecutor(handlers);
        server.createContext("/health", ex -> handle(ex, () -> {
            HealthReport report = health.get();
            return new Response(report.serving() ? 200 : 503, "application/json",
                    JSON.writeValueAsBytes(report));
        }));
        server.createContext("/metrics", ex -> handle(ex, () -> new Response(200,
                "text/plain; version=0.0.4; charset=utf-8", metrics.get().getBytes(StandardCharsets.UTF_8))));
        server.start();
        LOG.info("Ops endpoint on http://{}:{}/health and /metrics{}", address.getHostString(), port(),
                token.isPresent() ? " (token required)" : "");
    }

    private record Response(int status, String type, byte[] body) {
    }

    @FunctionalInterface
    private interface Handler {
        Response handle() throws IOException;
    }

    private void handle(HttpExchange ex, Handler handler) throws IOException {
        try (ex) {
            Response r;
            if (!ex.getRequestMethod().equals("GET")) {
                r = new Response(405, "text/plain", "GET only\n".getBytes(StandardCharsets.UTF_8));
            } else if (!authorised(ex)) {
                r = new Response(401, "text/plain", "token required\n".getBytes(StandardCharsets.UTF_8));
            } else {
                try {
                    r = handler.handle();
                } catch (RuntimeException e) {
                    LOG.error("Ops endpoint {} failed", ex.getRequestURI().getPath(), e);
                    r = new Response(500, "text/plain", "internal error\n".getBytes(StandardCharsets.UTF_8));
                }
            }
            ex.getResponseHeaders().set("Content-Type", r.type());
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(r.status(), r.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        }
    }

    private boolean authorised(HttpExchange ex) {
        if (token.isEmpty()) {
            return true;
        }
        String header = ex.getRequestHeaders().getFirst("Authorization");
        byte[] given = (header == null ? "" : header).getBytes(StandardCharsets.UTF_8);
        byte[] wanted = ("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, wanted);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
