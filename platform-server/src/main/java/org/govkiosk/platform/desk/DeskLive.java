package org.govkiosk.platform.desk;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.govkiosk.api.CaseView;
import org.govkiosk.platform.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue's live notice: each open desk page holds a Server-Sent Events stream of its hall, and every interval the
 * platform reads the hall's cases from its store (so any instance behind a load balancer sees every case) and sends
 * the digest of the queue. The page compares it with its own and, when they differ, says so with a link that loads
 * the queue again: nothing on the page moves under the clerk's hands (no timed reload, nothing to pause). One
 * thread for all streams; it belongs to the server and ends with it.
 */
final class DeskLive implements AutoCloseable {

    static final String EVENT = "queue";
    static final String INTERVAL_PROPERTY = "govkiosk.desk.live-interval-millis";

    private static final Logger LOG = LoggerFactory.getLogger(DeskLive.class);

    /** @param signedIn false once the page's staff session ended: the stream is closed at the next push */
    private record Stream(SseClient client, String hall, java.util.function.BooleanSupplier signedIn) {
    }

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final Function<String, List<CaseView>> hallQueue;
    private final ScheduledExecutorService pusher;

    /** @param hallQueue every case of a hall, as the queue shows them unfiltered */
    DeskLive(Function<String, List<CaseView>> hallQueue, Duration interval) {
        this.hallQueue = hallQueue;
        this.pusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "desk-live");
            t.setDaemon(true);
            return t;
        });
        pusher.scheduleWithFixedDelay(this::pushAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    static Duration interval() {
        return Duration.ofMillis(Math.max(100, Long.getLong(INTERVAL_PROPERTY, 5_000)));
    }

    /** The digest of a hall's queue: which cases, in which state, last changed when. */
    static String digest(List<CaseView> cases) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (CaseView c : cases) {
                md.update((c.caseNumber() + "|" + c.state() + "|" + c.updatedAt() + "|" + c.overdue() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Opens the stream of one page and sends its hall's digest at once, on the request's thread. */
    void open(Context ctx, String hall, java.util.function.BooleanSupplier signedIn) {
        ctx.status(200);
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setContentType("text/event-stream");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Accel-Buffering", "no");
        SseClient client = new SseClient(ctx);
        client.keepAlive();
        Stream stream = new Stream(client, hall, signedIn);
        client.onClose(() -> streams.remove(stream));
        streams.add(stream);
        try {
            send(stream, digest(hallQueue.apply(hall)));
        } catch (StorageException e) {
            LOG.warn("Desk stream: storage unavailable: {}", e.getMessage());
        }
    }

    void pushAll() {
        try {
            Map<String, Optional<String>> byHall = new HashMap<>();
            for (Stream s : streams) {
                if (!s.signedIn().getAsBoolean()) {
                    streams.remove(s);
                    s.client().close();
                    continue;
                }
                Optional<String> d = byHall.computeIfAbsent(s.hall(), h -> {
                    try {
                        return Optional.of(digest(hallQueue.apply(h)));
                    } catch (StorageException e) {
                        LOG.warn("Desk streams: storage unavailable: {}", e.getMessage());
                        return Optional.empty();
                    }
                });
                d.ifPresent(digest -> send(s, digest));
            }
        } catch (RuntimeException e) {
            // A failure here must not cancel the schedule (a thrown exception would).
            LOG.warn("Desk push failed", e);
        }
    }

    private void send(Stream s, String digest) {
        synchronized (s) {
            if (s.client().terminated()) {
                streams.remove(s);
                return;
            }
            s.client().sendEvent(EVENT, "{\"hash\":\"" + digest + "\"}");
        }
    }

    @Override
    public void close() {
        pusher.shutdownNow();
        streams.forEach(s -> s.client().close());
        streams.clear();
    }
}
