package org.govkiosk.app.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.govkiosk.api.ApiError;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;

/**
 * A BAD platform on loopback (real HTTPS sockets), for the failures the reference platform-server never produces on
 * purpose: garbage in a 200, a proxy's HTML error page, 500s, 429 with Retry-After, headers that never come, a body
 * that trickles, an oversized answer. Everything a well-behaved platform does is tested against the real server
 * ({@link RealPlatform}); this fake only misbehaves, and answers every case or rating submission with its
 * {@link Fault}.
 */
public final class TestPlatform implements AutoCloseable {

    /** Ways to misbehave. */
    public enum Fault { GARBAGE, ERROR_500, ERROR_WITH_HTML, SLOW_HEADERS, TRICKLE_BODY, HUGE_BODY, HUGE_CHUNKED,
        TOO_MANY }

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: 40 ms a request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ObjectMapper out = ApiJson.lenient();
    private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.ERROR_500);
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile Duration faultDelay = Duration.ofSeconds(3);

    private TestPlatform(SSLContext tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        HttpsServer s = HttpsServer.create(address, 64);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        server = s;
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext(ApiPaths.CASES, this::handle);
        server.createContext(ApiPaths.RATINGS, this::handle);
        server.start();
    }

    public static TestPlatform https(SSLContext tls) throws IOException {
        return new TestPlatform(tls);
    }

    public TestPlatform fault(Fault f) {
        fault.set(f);
        return this;
    }

    public void faultDelay(Duration d) {
        faultDelay = d;
    }

    public String baseUrl() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try (InputStream in = ex.getRequestBody()) {
                in.readAllBytes();
            }
            misbehave(ex, fault.get());
        }
    }

    private void misbehave(HttpExchange ex, Fault f) throws IOException {
        switch (f) {
            case GARBAGE -> send(ex, 200, "<html>proxy says hello\u0000\u0001".getBytes(StandardCharsets.UTF_8));
            case ERROR_500 -> send(ex, 500, out.writeValueAsBytes(new ApiError("internal-error", "boom", true)));
            case ERROR_WITH_HTML -> send(ex, 502, "<html><body>Bad gateway</body></html>".getBytes(
                    StandardCharsets.UTF_8));
            case TOO_MANY -> {
                ex.getResponseHeaders().set("Retry-After", "7");
                send(ex, 429, out.writeValueAsBytes(new ApiError("rate-limited", "slow down", true)));
            }
            case SLOW_HEADERS -> {
                sleep(faultDelay);
                send(ex, 500, new byte[0]);
            }
            case TRICKLE_BODY -> {
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, 0);
                try (OutputStream o = ex.getResponseBody()) {
                    long end = System.nanoTime() + faultDelay.toNanos();
                    while (System.nanoTime() < end) {
                        o.write(' ');
                        o.flush();
                        sleep(Duration.ofMillis(100));
                    }
                } catch (IOException e) {
                    // the client gave up: that is the point
                }
            }
            case HUGE_BODY -> send(ex, 200, new byte[4 << 20]);
            case HUGE_CHUNKED -> {
                ex.sendResponseHeaders(200, 0);
                try (OutputStream o = ex.getResponseBody()) {
                    byte[] chunk = new byte[64 * 1024];
                    Arrays.fill(chunk, (byte) ' ');
                    for (int i = 0; i < 64; i++) {
                        o.write(chunk);
                    }
                } catch (IOException e) {
                    // the client cut it off
                }
            }
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            } catch (IOException e) {
                // the client cut it off
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
