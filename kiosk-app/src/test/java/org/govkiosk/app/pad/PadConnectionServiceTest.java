package org.govkiosk.app.pad;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.PadRegistration;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.shared.retry.Backoff;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connection's own behaviour against a scripted platform on loopback (JDK HTTP server): a silent stream is
 * dropped and reopened with Last-Event-ID, a refused registration is retried with backoff, a garbled event costs
 * only that event.
 */
class PadConnectionServiceTest {

    private static final String EVENT = "id: 41\nevent: rating-request\ndata: {\"requestId\":\"r1\",\"hallCode\":\"H\","
            + "\"windowId\":\"W\",\"caseNumber\":\"C\",\"serviceSequence\":\"1\",\"itemCode\":\"I\",\"itemName\":\"N\","
            + "\"clerkId\":\"K\",\"clerkName\":\"李明\",\"requestedAt\":\"2025-03-03T02:00:00Z\","
            + "\"expiresAt\":\"2025-03-03T02:05:00Z\",\"sentAt\":\"2025-03-03T02:01:00Z\",\"futureField\":1}\n\n";

    private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    private final AtomicInteger registrations = new AtomicInteger();
    private final List<PadRequest> arrived = new CopyOnWriteArrayList<>();
    private final AtomicInteger connects = new AtomicInteger();
    /** The service's own thread, as seen by the listener (which it calls on that thread). */
    private volatile Thread serviceThread;
    private HttpServer server;
    private PadConnectionService service;

    private void startServer(int refuseFirstRegistrations) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(ApiPaths.PADS, ex -> {
            ex.getRequestBody().readAllBytes();
            int n = registrations.incrementAndGet();
            reply(ex, n <= refuseFirstRegistrations ? 503 : 200, "{}");
        });
        server.createContext(ApiPaths.PAD_EVENTS, ex -> {
            lastEventIds.add(String.valueOf(ex.getRequestHeaders().getFirst("Last-Event-ID")));
            ex.getResponseHeaders().add("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write(("event: hello\ndata: {}\n\nevent: rating-request\ndata: {not json\n\n" + EVENT)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            // Then silence: no heartbeat. The pad must notice and reconnect.
        });
        server.start();
    }

    private void startService() {
        service = new PadConnectionService(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                new RequestSigner("PAD-A", TerminalKeys.generate().getPrivate(), Clock.systemUTC()),
                new PadRegistration("PAD-A", "H", "W"),
                new PadConnectionService.Settings(Duration.ofSeconds(2), Duration.ofMillis(600),
                        new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 0, RandomGenerator.getDefault())),
                Clock.systemUTC(), r -> {
                    Thread t = new Thread(r, "pad-connection");
                    t.setDaemon(true);
                    return t;
                }, java.util.concurrent.Executors.newSingleThreadScheduledExecutor());
        service.start(new PadListener() {
            @Override
            public void requestArrived(PadRequest request) {
                arrived.add(request);
            }

            @Override
            public void requestClosed(String requestId) {
            }

            @Override
            public void connectionChanged(boolean connected) {
                serviceThread = Thread.currentThread();
                if (connected) {
                    connects.incrementAndGet();
                }
            }
        });
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        server.stop(0);
    }

    @Test
    void aSilentStreamIsReopenedWithTheLastEventId() throws Exception {
        startServer(0);
        startService();
        Await.until("reconnected", Duration.ofSeconds(10), () -> connects.get() >= 2);
        assertThat(lastEventIds.get(0)).isEqualTo("null");
        assertThat(lastEventIds.get(1)).isEqualTo("41");
        assertThat(service.lastEventId()).isEqualTo("41");
        PadRequest first = arrived.get(0);
        assertThat(first.event().clerkName()).as("the garbled event was skipped, not the stream").isEqualTo("李明");
        // Valid for expiresAt - sentAt = 4 minutes from arrival, whatever the pad's clock says about 2025.
        assertThat(Duration.between(Instant.now(), first.validUntil())).isBetween(Duration.ofMinutes(3),
                Duration.ofMinutes(4));
    }

    @Test
    void aRefusedRegistrationIsRetriedUntilItIsTaken() throws Exception {
        startServer(3);
        startService();
        Await.until("connected", Duration.ofSeconds(10), () -> connects.get() >= 1);
        assertThat(registrations.get()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void closeStopsTheServiceForGood() throws Exception {
        startServer(0);
        startService();
        Await.until("connected", Duration.ofSeconds(10), () -> connects.get() >= 1);
        // Closed while the stream is open (connected, long before the 600 ms silence limit): no registration is
        // on its way, so none may come after this one.
        int before = registrations.get();
        Thread thread = serviceThread;
        service.close();
        // Settled: the service has one thread of its own, which registers and reconnects; once it has ended,
        // nothing can register again. (A thread still alive here is the failure: close() joins it.)
        thread.join(Duration.ofSeconds(10).toMillis());
        assertThat(thread.isAlive()).as("the connection thread ended with close()").isFalse();
        assertThat(registrations.get()).as("registrations after close").isEqualTo(before);
    }
}
