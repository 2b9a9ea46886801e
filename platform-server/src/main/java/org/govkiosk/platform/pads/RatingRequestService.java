package org.govkiosk.platform.pads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.PadEvents;
import org.govkiosk.api.RatingRequest;
import org.govkiosk.api.RatingRequestClosed;
import org.govkiosk.api.RatingRequestReceipt;
import org.govkiosk.platform.store.DatabaseNotifications;
import org.govkiosk.platform.store.StoreConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of rating requests: a window has at most one open request (a newer one supersedes it, so a flood of
 * requests leaves the pad showing the last), the same contact asked again while open is a duplicate, a rated
 * contact is not asked again, and a pad that connects gets what it missed. Everything for one window happens under
 * that window's lock (in this process, and on PostgreSQL in the database too), so event ids reach a pad in the
 * order they were given.
 *
 * <p>Event ids come from a database sequence. On PostgreSQL several platform instances share the database and a
 * pad may stream from any of them: each event is also sent as a notification in the transaction that makes it, so
 * every instance, this one too, hears it on commit, in commit order, and passes it to its own pads of the window
 * (a pad's stream drops an id it already carried, e.g. from a replay).
 */
public final class RatingRequestService {

    private static final Logger LOG = LoggerFactory.getLogger(RatingRequestService.class);
    /** The notification channel of pad events on PostgreSQL. */
    static final String CHANNEL = "govkiosk_pad_events";
    /** The notice that a pad was bound to another window (its data: the pad's id); never sent to a pad. */
    private static final String MOVED = "pad-moved";

    /** A pad event as it travels between instances: the window it is for and the event. */
    record Notice(String hallCode, String windowId, long id, String name, String data) {
    }

    private record Outcome(StoredRequest request, boolean duplicate) {
    }

    private final RatingRequestStore store;
    private final PadHub hub;
    private final Clock clock;
    private final Duration validity;
    private final boolean shared;
    private final ObjectMapper json = ApiJson.strict();
    private final ObjectMapper lenient = ApiJson.lenient();
    private final ConcurrentHashMap<WindowKey, Object> locks = new ConcurrentHashMap<>();
    /** Events made here, until the listener hears them back: how many of this instance's pads took each. */
    private final ConcurrentHashMap<Long, CompletableFuture<Integer>> delivered = new ConcurrentHashMap<>();
    /** The highest event id this instance knows was given; the table is asked only about a higher Last-Event-ID. */
    private final AtomicLong highestKnown = new AtomicLong();
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(2);

    /** @param shared true if other instances share the database (PostgreSQL): events are also notified */
    RatingRequestService(RatingRequestStore store, PadHub hub, Clock clock, Duration validity, boolean shared) {
        this.store = store;
        this.hub = hub;
        this.clock = clock;
        this.validity = validity;
        this.shared = shared;
    }

    /** @throws StoreConflict (409 already-rated) if the contact was rated */
    public RatingRequestReceipt request(RatingRequest r) {
        WindowKey window = new WindowKey(r.hallCode(), r.windowId());
        List<PadEvent> made = new ArrayList<>();
        try {
            String[] superseded = new String[1];
            int[] reachedHere = new int[1];
            Outcome outcome = locked(window, () -> {
                Outcome o = store.inWindow(window, c -> {
                    Instant now = clock.instant();
                    if (store.contactRated(c, r.caseNumber(), r.serviceSequence())) {
                        throw new StoreConflict(ErrorCodes.ALREADY_RATED, "case " + r.caseNumber() + " contact "
                                + r.serviceSequence() + " was rated already (一次一评)");
                    }
                    for (StoredRequest open : store.openFor(c, window)) {
                        if (open.openAt(now) && open.sameContact(r.caseNumber(), r.serviceSequence())) {
                            return new Outcome(open, true);
                        }
                        long closeId = store.nextEventId(c);
                        if (store.close(c, open.requestId(), StoredRequest.State.SUPERSEDED, closeId)) {
                            superseded[0] = open.requestId();
                            made.add(emit(c, window, closedEvent(closeId, open.requestId(),
                                    RatingRequestClosed.Reason.SUPERSEDED)));
                        }
                    }
                    StoredRequest created = new StoredRequest(UUID.randomUUID().toString(), store.nextEventId(c),
                            r.hallCode(), r.windowId(), r.caseNumber(), r.serviceSequence(), r.itemCode(),
                            r.itemName(), r.clerkId(), r.clerkName(), now, now.plus(validity),
                            StoredRequest.State.OPEN, null);
                    store.insert(c, created);
                    made.add(emit(c, window, requestEvent(created)));
                    return new Outcome(created, false);
                });
                if (!shared) {
                    for (PadEvent e : made) {
                        reachedHere[0] = hub.publish(window, e);
                    }
                }
                return o;
            });
            if (outcome.duplicate()) {
                StoredRequest open = outcome.request();
                return new RatingRequestReceipt(open.requestId(), open.eventId(), open.expiresAt(),
                        hub.connected(window) + (shared ? hub.presenceElsewhere(window) : 0), null, true);
            }
            int reached = shared ? awaitDelivered(made.get(made.size() - 1).id(), window)
                    + hub.presenceElsewhere(window) : reachedHere[0];
            StoredRequest created = outcome.request();
            LOG.info("Rating request {} for window {}/{} (case {}, contact {}): {} pad(s) reached{}",
                    created.requestId(), r.hallCode(), r.windowId(), r.caseNumber(), r.serviceSequence(), reached,
                    superseded[0] == null ? "" : ", superseded " + superseded[0]);
            return new RatingRequestReceipt(created.requestId(), created.eventId(), created.expiresAt(), reached,
                    superseded[0], false);
        } finally {
            made.forEach(e -> delivered.remove(e.id()));
        }
    }

    /**
     * Waits (outside the window's lock, which delivery takes) until this instance's listener passed event {@code id}
     * to its pads, and returns how many took it. Events reach the pads here only through the listener, in the
     * order the database committed them: one passed straight on could overtake another instance's earlier event
     * still on its way, which the pad's stream would then drop as old.
     */
    private int awaitDelivered(long id, WindowKey window) {
        CompletableFuture<Integer> f = delivered.get(id);
        try {
            return f.get(DELIVERY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("Pad event {} not heard back from the database within {} ms", id, DELIVERY_WAIT.toMillis());
            return hub.connected(window);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return hub.connected(window);
        }
    }

    /** The contact was rated: its open requests close, and every pad of their windows drops them. */
    void rated(String caseNumber, String serviceSequence) {
        for (StoredRequest r : store.forContact(caseNumber, serviceSequence)) {
            if (r.state() != StoredRequest.State.OPEN) {
                continue;
            }
            locked(r.window(), () -> {
                PadEvent closed = store.inWindow(r.window(), c -> {
                    long closeId = store.nextEventId(c);
                    return store.close(c, r.requestId(), StoredRequest.State.RATED, closeId)
                            ? emit(c, r.window(), closedEvent(closeId, r.requestId(),
                                    RatingRequestClosed.Reason.RATED))
                            : null;
                });
                if (closed != null) {
                    delivered.remove(closed.id());
                    if (!shared) {
                        hub.publish(r.window(), closed);
                    }
                }
                return null;
            });
        }
    }

    /** Sends the event to the other instances when {@code c} commits (on PostgreSQL); returns it. */
    private PadEvent emit(Connection c, WindowKey window, PadEvent e) throws SQLException {
        highestKnown.accumulateAndGet(e.id(), Math::max);
        if (shared) {
            String payload = write(new Notice(window.hallCode(), window.windowId(), e.id(), e.name(), e.json()));
            if (payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    > DatabaseNotifications.MAX_PAYLOAD_BYTES) {
                // Too long to travel: the pads of other instances read it back from the table on reconnect.
                LOG.warn("Pad event {} too long to notify ({} bytes)", e.id(), payload.length());
            } else {
                delivered.put(e.id(), new CompletableFuture<>());
                DatabaseNotifications.send(c, CHANNEL, payload);
            }
        }
        return e;
    }

    /**
     * A pad was bound to another window: its streams bound to the old one end, on every instance (it reconnects and
     * is then served as the new window's pad).
     */
    void padMoved(String padId, WindowKey now) {
        if (!shared) {
            hub.disconnectElsewhere(padId, now);
            return;
        }
        String payload = write(new Notice(now.hallCode(), now.windowId(), 0, MOVED, padId));
        store.inWindow(now, c -> {
            DatabaseNotifications.send(c, CHANNEL, payload);
            return null;
        });
    }

    /** A notification from the database: an event of any instance (this one's too) for the pads connected here. */
    void notified(String payload) {
        Notice n;
        try {
            n = lenient.readValue(payload, Notice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a pad event notice: " + e.getOriginalMessage(), e);
        }
        WindowKey window = new WindowKey(n.hallCode(), n.windowId());
        if (MOVED.equals(n.name())) {
            hub.disconnectElsewhere(n.data(), window);
            return;
        }
        highestKnown.accumulateAndGet(n.id(), Math::max);
        int reached = hub.connected(window) == 0 ? 0
                : locked(window, () -> hub.publish(window, new PadEvent(n.id(), n.name(), n.data())));
        CompletableFuture<Integer> waiting = delivered.get(n.id());
        if (waiting != null) {
            waiting.complete(reached);
        }
    }

    /**
     * After the listening connection was lost and is back: notifications sent meanwhile never came, so every pad
     * connected here gets what its window had since the last id its stream carried, read from the table.
     */
    void resync() {
        for (PadConnection connection : hub.connections()) {
            WindowKey window = connection.binding().window();
            locked(window, () -> {
                for (PadEvent e : missed(window, Optional.of(connection.lastSentId()))) {
                    if (!connection.send(e)) {
                        hub.remove(connection);
                        break;
                    }
                }
                return null;
            });
        }
    }

    /** Requests ever made for a contact (the rating gate checks pad ratings against them). */
    List<StoredRequest> requestsFor(String caseNumber, String serviceSequence) {
        return store.forContact(caseNumber, serviceSequence);
    }

    /**
     * Adds a pad's new stream and sends it what it missed: with {@code lastEventId}, the window's requests opened
     * or closed since; without (or with an id this platform never gave), the window's open request. The stream is
     * in the hub before the table is read, so an event committed meanwhile reaches it live if not in the replay.
     */
    void attach(PadConnection connection, Optional<Long> lastEventId, PadEvent hello) {
        WindowKey window = connection.binding().window();
        locked(window, () -> {
            // In the hub before the pad hears hello: once a pad says it is connected, a request for its window
            // reaches it (and counts in padsReached), never only on its next reconnect.
            hub.add(connection);
            if (!connection.send(hello)) {
                hub.remove(connection);
                return null;
            }
            Optional<Long> since = lastEventId.filter(this::wasGiven);
            for (PadEvent e : missed(window, since)) {
                if (!connection.send(e)) {
                    hub.remove(connection);
                    break;
                }
            }
            return null;
        });
    }

    /** True if the platform gave event id {@code id} (else a Last-Event-ID is treated as none). */
    private boolean wasGiven(long id) {
        // After an instance dies its pads all reconnect here at once: the table is read only for an id above
        // the highest this instance has seen.
        return id <= highestKnown.get() || id <= highestKnown.accumulateAndGet(store.maxEventId(), Math::max);
    }

    private List<PadEvent> missed(WindowKey window, Optional<Long> last) {
        Instant now = clock.instant();
        List<PadEvent> events = new ArrayList<>();
        if (last.isEmpty()) {
            for (StoredRequest r : store.openFor(window)) {
                if (r.openAt(now) && !store.contactRated(r.caseNumber(), r.serviceSequence())) {
                    events.add(requestEvent(r));
                }
            }
            return events;
        }
        long since = last.get();
        for (StoredRequest r : store.changedSince(window, since)) {
            if (r.eventId() > since) {
                // Opened since: send it if still open; one closed since was never seen, so say nothing.
                if (r.openAt(now) && !store.contactRated(r.caseNumber(), r.serviceSequence())) {
                    events.add(requestEvent(r));
                }
            } else if (r.closedEventId() != null && r.closedEventId() > since) {
                events.add(closedEvent(r.closedEventId(), r.requestId(), r.state() == StoredRequest.State.RATED
                        ? RatingRequestClosed.Reason.RATED : RatingRequestClosed.Reason.SUPERSEDED));
            }
        }
        events.sort(Comparator.comparing(PadEvent::id));
        return events;
    }

    private PadEvent requestEvent(StoredRequest r) {
        return new PadEvent(r.eventId(), PadEvents.RATING_REQUEST, write(r.toEvent(clock.instant())));
    }

    private PadEvent closedEvent(long id, String requestId, RatingRequestClosed.Reason reason) {
        return new PadEvent(id, PadEvents.RATING_REQUEST_CLOSED, write(new RatingRequestClosed(requestId, reason)));
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T locked(WindowKey window, Supplier<T> work) {
        synchronized (locks.computeIfAbsent(window, w -> new Object())) {
            return work.get();
        }
    }
}
