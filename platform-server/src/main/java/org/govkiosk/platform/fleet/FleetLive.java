package org.govkiosk.platform.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.govkiosk.platform.http.LiveStreams;
import org.govkiosk.platform.store.TerminalStore;

/**
 * The fleet page's live updates ({@link LiveStreams}): every round reads the terminals from the store once and
 * pushes each open page its cards, filtered and in its language. The page replaces its cards only when their digest
 * changed.
 */
final class FleetLive implements AutoCloseable {

    static final String EVENT = "fleet";

    /** What one open page shows. */
    private record View(FleetFilter filter, FleetText lang) {
    }

    private final TerminalStore terminals;
    private final FleetAlarms alarms;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectMapper json = new ObjectMapper();
    private final LiveStreams<View> streams;

    FleetLive(TerminalStore terminals, FleetAlarms alarms, Clock clock, ZoneId zone, Duration interval) {
        this.terminals = terminals;
        this.alarms = alarms;
        this.clock = clock;
        this.zone = zone;
        this.streams = new LiveStreams<>("fleet", EVENT, interval, views -> {
            Instant now = clock.instant();
            List<FleetRow> rows = alarms.rows(terminals.all(), now);
            return view -> Optional.of(payload(view, rows, now));
        });
    }

    /** Opens the stream of one page and sends it the fleet at once, on the request's thread. */
    void open(Context ctx, FleetFilter filter, FleetText lang, BooleanSupplier signedIn) {
        streams.open(ctx, new View(filter, lang), signedIn);
    }

    private String payload(View view, List<FleetRow> all, Instant now) {
        List<FleetRow> rows = view.filter().visible(all);
        String cards = FleetCards.cards(rows, view.filter().apply(rows), now, view.lang());
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("cards", cards);
        payload.put("hash", FleetCards.hash(cards));
        payload.put("summary", FleetCards.summary(rows, view.lang()));
        payload.put("asOf", now.truncatedTo(ChronoUnit.SECONDS).toString());
        payload.put("asOfText", FleetHtml.clock(now, zone));
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    @Override
    public void close() {
        streams.close();
    }
}
