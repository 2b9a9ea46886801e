package org.govkiosk.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.PadEvents;

/** A rating pad holding its stream through the balancer, reconnecting with Last-Event-ID when it ends. */
final class StreamingPad {
    final TestTerminal pad;
    final String window;
    final URI lb;
    final List<Long> ids = new CopyOnWriteArrayList<>();
    final Set<String> requests = ConcurrentHashMap.newKeySet();
    /** Per request id: {received, the stream's start} in System.nanoTime. */
    final Map<String, long[]> received = new ConcurrentHashMap<>();
    final AtomicInteger connects = new AtomicInteger();
    final AtomicLong lastId = new AtomicLong(-1);
    private volatile boolean stopped;
    private volatile InputStream body;
    private final Thread thread;

    StreamingPad(TestTerminal pad, String window, URI lb) {
        this.pad = pad;
        this.window = window;
        this.lb = lb;
        this.thread = new Thread(this::loop, "lb-pad-" + window);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        InputStream b = body;
        if (b != null) {
            try {
                b.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private void loop() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (!stopped) {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(lb + ApiPaths.PAD_EVENTS)).GET()
                        .header("Accept", "text/event-stream");
                pad.sign("GET", ApiPaths.PAD_EVENTS, new byte[0]).asMap().forEach(b::header);
                if (lastId.get() >= 0) {
                    b.header("Last-Event-ID", Long.toString(lastId.get()));
                }
                HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                body = r.body();
                if (r.statusCode() != 200) {
                    r.body().close();
                    Thread.sleep(50); // the pad's reconnect pause
                    continue;
                }
                connects.incrementAndGet();
                read(r.body(), System.nanoTime());
            } catch (IOException e) {
                // the stream or the connection broke: connect again
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void read(InputStream in, long streamStart) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (id != null) {
                        long n = Long.parseLong(id);
                        ids.add(n);
                        lastId.set(n);
                        if (PadEvents.RATING_REQUEST.equals(name)) {
                            String request = TestTerminal.JSON.readTree(data.toString()).get("requestId").asText();
                            requests.add(request);
                            received.putIfAbsent(request, new long[] {System.nanoTime(), streamStart});
                        }
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        }
    }
}
