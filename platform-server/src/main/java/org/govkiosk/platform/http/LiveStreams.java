package org.govkiosk.platform.http;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.govkiosk.platform.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live part of a staff page (the desk's queue notice, the fleet page's cards): each open page holds a
 * Server-Sent Events stream, and every interval one thread reads the store once for all of them (so any instance
 * behind a load balancer sees what every other wrote) and sends each page its event. A page whose staff session
 * ended is closed at the next round; a store that does not answer costs a round, never a stream. The thread belongs
 * to the server and ends with it.
 *
 * @param <K> what a page asked for (its hall, its filter and language): the round renders an event per key
 */
public final class LiveStreams<K> implements AutoCloseable {

    /**
     * One round's rendering: given the keys of the open pages, reads what they need (once) and returns each key's
     * event data, or empty when there is nothing to send it this round.
     *
     * @throws StorageException when the store does not answer: nothing is sent this round
     */
    @FunctionalInterface
    public interface Round<K> {
        Function<K, Optional<String>> render(List<K> keys);
    }

    private record Stream<K>(SseClient client, K key, BooleanSupplier signedIn) {
    }

    private final Logger log;
    private final String event;
    private final Round<K> round;
    private final Set<Stream<K>> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService pusher;

    /**
     * @param name  the page's name, for the thread and the log ("desk", "fleet")
     * @param event the SSE event's name
     */
    public LiveStreams(String name, String event, Duration interval, Round<K> round) {
        this.log = LoggerFactory.getLogger(LiveStreams.class.getName() + "." + name);
        this.event = event;
        this.round = round;
        this.pusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-live");
            t.setDaemon(true);
            return t;
        });
        pusher.scheduleWithFixedDelay(this::pushAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens one page's stream and sends its first event at once, on the request's thread. */
    public void open(Context ctx, K key, BooleanSupplier signedIn) {
        ctx.status(200);
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setContentType("text/event-stream");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Accel-Buffering", "no");
        SseClient client = new SseClient(ctx);
        client.keepAlive();
        Stream<K> stream = new Stream<>(client, key, signedIn);
        client.onClose(() -> streams.remove(stream));
        streams.add(stream);
        try {
            round.render(List.of(key)).apply(key).ifPresent(data -> send(stream, data));
        } catch (StorageException e) {
            // The stream stays: the next round comes once the store answers again.
            log.warn("Live page stream: storage unavailable: {}", e.getMessage());
            synchronized (stream) {
                client.sendComment("storage unavailable");
            }
        }
    }

    /** One round: every open page gets its event. */
    private void pushAll() {
        try {
            List<Stream<K>> open = List.copyOf(streams);
            if (open.isEmpty()) {
                return;
            }
            List<Stream<K>> live = new java.util.ArrayList<>();
            for (Stream<K> s : open) {
                if (s.signedIn().getAsBoolean()) {
                    live.add(s);
                } else {
                    // Signed out (or expired, or the account changed) since the page opened: the stream ends too.
                    synchronized (s) {
                        streams.remove(s);
                        s.client().close();
                    }
                }
            }
            if (live.isEmpty()) {
                return;
            }
            Function<K, Optional<String>> render = round.render(live.stream().map(Stream::key).distinct().toList());
            for (Stream<K> s : live) {
                render.apply(s.key()).ifPresent(data -> send(s, data));
            }
        } catch (StorageException e) {
            log.warn("Live page streams: storage unavailable: {}", e.getMessage());
        } catch (RuntimeException e) {
            // A failure here must not cancel the schedule (a thrown exception would).
            log.warn("Live page push failed", e);
        }
    }

    private void send(Stream<K> s, String data) {
        synchronized (s) {
            if (s.client().terminated()) {
                streams.remove(s);
                return;
            }
            s.client().sendEvent(event, data);
        }
    }

    @Override
    public void close() {
        pusher.shutdownNow();
        streams.forEach(s -> s.client().close());
        streams.clear();
    }
}
