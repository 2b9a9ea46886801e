package org.govkiosk.platform.pads;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.govkiosk.platform.TestTerminal;

/**
 * A pad's event stream as the tests see it: a real signed HTTP connection, read line by line on its own thread into
 * events and comments. Closing it closes the TCP connection, as a pad losing the network would.
 */
final class SseTestClient implements AutoCloseable {

    /** One received event; {@code name} "comment" for a comment line. */
    record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile boolean ended;
    private final InputStream body;
    private final int status;
    private final String errorBody;

    private SseTestClient(HttpResponse<InputStream> response) throws IOException {
        this.status = response.statusCode();
        if (status != 200) {
            this.errorBody = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            this.body = InputStream.nullInputStream();
            return;
        }
        this.errorBody = null;
        this.body = response.body();
        Thread reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static SseTestClient open(URI base, TestTerminal pad, String lastEventId) throws Exception {
        return open(base, pad, lastEventId, "text/event-stream");
    }

    static SseTestClient open(URI base, TestTerminal pad, String lastEventId, String accept) throws Exception {
        String path = org.govkiosk.api.ApiPaths.PAD_EVENTS;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", accept);
        pad.sign("GET", path, new byte[0]).asMap().forEach(b::header);
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        // One client per stream: closing the body then really closes the connection.
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new SseTestClient(http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    int status() {
        return status;
    }

    String errorBody() {
        return errorBody;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, "comment", line.substring(1).strip()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException e) {
            // closed
        }
        ended = true;
    }

    /** True once the stream ended (the server closed it, or this client did). */
    boolean ended() {
        return ended;
    }

    /** The next event (comments skipped unless asked for), or fails the test after the timeout. */
    Event next(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no " + name + " event within " + timeout);
            }
            if (e.name().equals(name)) {
                return e;
            }
            if (!e.name().equals("comment")) {
                throw new AssertionError("expected " + name + " but got " + e);
            }
        }
    }

    /** The next event of any name (comments skipped), or fails the test after the timeout. */
    Event nextEvent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no event within " + timeout);
            }
            if (!e.name().equals("comment")) {
                return e;
            }
        }
    }

    /** Every non-comment event that arrives within the time. */
    List<Event> drain(Duration within) throws InterruptedException {
        List<Event> out = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        for (Event e; (e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null; ) {
            if (!e.name().equals("comment")) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
