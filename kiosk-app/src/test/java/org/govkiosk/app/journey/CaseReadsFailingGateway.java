package org.govkiosk.app.journey;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.api.ApiPaths;

/**
 * A hall gateway in front of the real platform (loopback HTTP) that passes every request and answer through
 * unchanged, signed receipts included, except a case's read-back ({@code GET /api/v1/cases/{number}}), which it
 * answers 503: the platform took the case, only reading it back fails, as when the gateway's query route is down.
 */
final class CaseReadsFailingGateway implements AutoCloseable {

    /** Set by the JDK's server itself, or hop-by-hop: never copied. */
    private static final Set<String> OWN_HEADERS = Set.of("content-length", "transfer-encoding", "date",
            "connection", "keep-alive");

    private final URI upstream;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger caseReads = new AtomicInteger();

    private CaseReadsFailingGateway(URI upstream) throws IOException {
        this.upstream = upstream;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static CaseReadsFailingGateway to(URI platform) throws IOException {
        return new CaseReadsFailingGateway(platform);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Reads of a case (each answered 503) since start. */
    int caseReads() {
        return caseReads.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        if (exchange.getRequestMethod().equals("GET") && path.startsWith(ApiPaths.CASES + "/")
                && path.indexOf('/', ApiPaths.CASES.length() + 1) < 0) {
            caseReads.incrementAndGet();
            send(exchange, 503, "{\"code\":\"unavailable\",\"message\":\"case queries are down\"}"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().getRawPath()))
                .method(exchange.getRequestMethod(), request.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (name.startsWith("X-") || name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Accept")) {
                values.forEach(v -> b.header(name, v));
            }
        });
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        answer.headers().map().forEach((name, values) -> {
            if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        });
        send(exchange, answer.statusCode(), answer.body());
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
