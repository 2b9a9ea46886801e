package org.govkiosk.bench.province;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.PadEvents;

/**
 * Every pad's event stream (Server-Sent Events) held open through the balancer on the shared non-blocking client:
 * its lines arrive on the client's few threads, none waits on a socket. A stream that ends is opened again with the
 * pad's Last-Event-ID, as the pad does. A rating request's arrival is timed against when it was posted.
 */
final class PadStreams implements AutoCloseable {

    private final HttpClient http;
    private final URI lb;
    private final Map<String, Long> posted;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Semaphore connecting = new Semaphore(64);
    private final List<Stream> streams;
    final AtomicInteger connected = new AtomicInteger();
    /** Streams that ended after their hello (the instance closed them, or they broke), each opened again. */
    final AtomicInteger reconnects = new AtomicInteger();
    /** Tries to open a stream that ended before its hello (refused, or the balancer found no instance). */
    final AtomicInteger failedOpens = new AtomicInteger();
    /** The push latencies of the current measurement ({@link #newMeasurement}). */
    volatile LatencyLog push = new LatencyLog();
    /** Case numbers of the rating requests the pads received in the current measurement (one pad each). */
    volatile Map<String, Boolean> received = new ConcurrentHashMap<>();

    PadStreams(HttpClient http, URI lb, List<Fleet.Member> pads, Map<String, Long> posted) {
        this.http = http;
        this.lb = lb;
        this.posted = posted;
        this.streams = pads.stream().map(Stream::new).toList();
    }

    /** Opens every stream, a few dozen connecting at a time; returns when each has its hello or the time is up. */
    boolean connectAll(long withinMillis) throws InterruptedException {
        for (Stream s : streams) {
            connecting.acquire();
            s.connect();
        }
        long until = System.currentTimeMillis() + withinMillis;
        while (connected.get() < streams.size() && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        return connected.get() == streams.size();
    }

    /** Another measurement on the same open streams: its own push latencies and received requests. */
    void newMeasurement() {
        push = new LatencyLog();
        received = new ConcurrentHashMap<>();
    }

    @Override
    public void close() {
        open.set(false);
        streams.forEach(Stream::cancel);
    }

    private final class Stream implements Flow.Subscriber<String> {
        private final Fleet.Member pad;
        private volatile Flow.Subscription subscription;
        private volatile long lastId = -1;
        private volatile boolean helloSeen;
        private volatile boolean everConnected;
        private String id;
        private String event;
        private final StringBuilder data = new StringBuilder();

        Stream(Fleet.Member pad) {
            this.pad = pad;
        }

        void connect() {
            var b = pad.signed(lb, "GET", ApiPaths.PAD_EVENTS, new byte[0]).timeout(java.time.Duration.ofDays(1))
                    .header("Accept", "text/event-stream").GET();
            if (lastId >= 0) {
                b.header("Last-Event-ID", Long.toString(lastId));
            }
            helloSeen = false;
            http.sendAsync(b.build(), HttpResponse.BodyHandlers.fromLineSubscriber(this))
                    .whenComplete((r, e) -> ended());
        }

        /** The stream ended (the instance closed it, or it broke): connect again after the pad's pause. */
        private void ended() {
            if (!helloSeen) {
                connecting.release();
            }
            if (!open.get()) {
                return;
            }
            if (helloSeen) {
                reconnects.incrementAndGet();
            } else {
                failedOpens.incrementAndGet();
            }
            java.util.concurrent.CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(() -> {
                if (open.get()) {
                    try {
                        connecting.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    connect();
                }
            });
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (!open.get()) {
                s.cancel();
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (!line.isEmpty()) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
                return;
            }
            if (PadEvents.HELLO.equals(event) && !helloSeen) {
                helloSeen = true;
                connecting.release();
                if (!everConnected) {
                    everConnected = true;
                    connected.incrementAndGet();
                }
            } else if (PadEvents.RATING_REQUEST.equals(event)) {
                long now = System.nanoTime();
                try {
                    String caseNumber = Fleet.JSON.readTree(data.toString()).path("caseNumber").asText();
                    Long t0 = posted.get(caseNumber);
                    if (t0 != null && received.putIfAbsent(caseNumber, Boolean.TRUE) == null) {
                        push.add(now - t0);
                    }
                } catch (java.io.IOException e) {
                    // not an event of ours
                }
            }
            if (id != null) {
                lastId = Long.parseLong(id);
            }
            id = null;
            event = null;
            data.setLength(0);
        }

        @Override
        public void onError(Throwable t) {
            // ended() follows through the response's future
        }

        @Override
        public void onComplete() {
            // ended() follows through the response's future
        }
    }
}
