package org.govkiosk.platform.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.govkiosk.platform.store.StorageException;
import org.govkiosk.platform.store.TerminalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet page's live updates: each open page holds a Server-Sent Events stream, and every interval the platform
 * reads the terminals from its store (so any instance behind a load balancer sees every heartbeat) and pushes each
 * page its cards, filtered and in its language. The page replaces its cards only when their digest changed. One
 * thread for all pushes; it belongs to the server and ends with it.
 */
final class FleetLive implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetLive.class);
    static final String EVENT = "fleet";

    /** One open page. Writes are serialized on it: the request thread's first push and the pusher's. */
    private record Stream(SseClient client, FleetFilter filter, FleetText lang,
            java.util.function.BooleanSupplier signedIn) {
    }

    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final TerminalStore terminals;
    private final FleetAlarms alarms;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService pusher;

    FleetLive(TerminalStore terminals, FleetAlarms alarms, Clock clock, ZoneId zone, Duration interval) {
        this.terminals = terminals;
        this.alarms = alarms;
        this.clock = clock;
        this.zone = zone;
        this.pusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fleet-live");
            t.setDaemon(true);
            return t;
        });
        pusher.scheduleWithFixedDelay(this::pushAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens the stream of one page and sends it the fleet at once, on the request's thread. */
    void open(Context ctx, FleetFilter filter, FleetText lang, java.util.function.BooleanSupplier signedIn) {
        ctx.status(200);
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setContentType("text/event-stream");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Accel-Buffering", "no");
        SseClient client = new SseClient(ctx);
        client.keepAlive();
        Stream stream = new Stream(client, filter, lang, signedIn);
        client.onClose(() -> streams.remove(stream));
        streams.add(stream);
        Instant now = clock.instant();
        try {
            send(stream, alarms.rows(terminals.all(), now), now);
        } catch (StorageException e) {
            // The stream stays: the next push comes once the store answers again.
            LOG.warn("Fleet page stream: storage unavailable: {}", e.getMessage());
            synchronized (stream) {
                client.sendComment("storage unavailable");
            }
        }
    }

    int openStreams() {
        return streams.size();
    }

    void pushAll() {
        try {
            if (streams.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            List<FleetRow> rows = alarms.rows(terminals.all(), now);
            for (Stream s : streams) {
                if (!s.signedIn().getAsBoolean()) {
                    // Signed out (or expired, or the account changed) since the page opened: the stream ends too.
                    synchronized (s) {
                        streams.remove(s);
                        s.client().close();
                    }
                    continue;
                }
                send(s, rows, now);
            }
        } catch (StorageException e) {
            LOG.warn("Fleet page streams: storage unavailable: {}", e.getMessage());
        } catch (RuntimeException e) {
            // A failure here must not cancel the schedule (a thrown exception would).
            LOG.warn("Fleet page push failed", e);
        }
    }

    private void send(Stream s, List<FleetRow> all, Instant now) {
        List<FleetRow> rows = s.filter().visible(all);
        String cards = FleetCards.cards(rows, s.filter().apply(rows), now, s.lang());
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("cards", cards);
        payload.put("hash", FleetCards.hash(cards));
        payload.put("summary", FleetCards.summary(rows, s.lang()));
        payload.put("asOf", now.truncatedTo(ChronoUnit.SECONDS).toString());
        payload.put("asOfText", FleetHtml.clock(now, zone));
        String data;
        try {
            data = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
        synchronized (s) {
            if (s.client().terminated()) {
                streams.remove(s);
                return;
            }
            s.client().sendEvent(EVENT, data);
        }
    }

    @Override
    public void close() {
        pusher.shutdownNow();
        streams.forEach(s -> s.client().close());
        streams.clear();
    }
}
