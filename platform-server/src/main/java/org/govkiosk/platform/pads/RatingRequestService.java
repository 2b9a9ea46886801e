package org.govkiosk.platform.pads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.PadEvents;
import org.govkiosk.api.RatingRequest;
import org.govkiosk.api.RatingRequestClosed;
import org.govkiosk.api.RatingRequestReceipt;
import org.govkiosk.platform.store.StoreConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of rating requests: a window has at most one open request (a newer one supersedes it, so a flood of
 * requests leaves the pad showing the last), the same contact asked again while open is a duplicate, a rated
 * contact is not asked again, and a pad that connects gets what it missed. Everything for one window happens under
 * that window's lock, so event ids reach a pad in the order they were given.
 */
final class RatingRequestService {

    private static final Logger LOG = LoggerFactory.getLogger(RatingRequestService.class);

    private final RatingRequestStore store;
    private final PadHub hub;
    private final Clock clock;
    private final Duration validity;
    private final ObjectMapper json = ApiJson.strict();
    private final AtomicLong eventIds;
    private final ConcurrentHashMap<WindowKey, Object> locks = new ConcurrentHashMap<>();

    RatingRequestService(RatingRequestStore store, PadHub hub, Clock clock, Duration validity) {
        this.store = store;
        this.hub = hub;
        this.clock = clock;
        this.validity = validity;
        this.eventIds = new AtomicLong(store.maxEventId());
    }

    /** @throws StoreConflict (409 already-rated) if the contact was rated */
    RatingRequestReceipt request(RatingRequest r) {
        WindowKey window = new WindowKey(r.hallCode(), r.windowId());
        return locked(window, () -> {
            Instant now = clock.instant();
            if (store.contactRated(r.caseNumber(), r.serviceSequence())) {
                throw new StoreConflict(ErrorCodes.ALREADY_RATED, "case " + r.caseNumber() + " contact "
                        + r.serviceSequence() + " was rated already (一次一评)");
            }
            String superseded = null;
            for (StoredRequest open : store.openFor(window)) {
                if (open.openAt(now) && open.sameContact(r.caseNumber(), r.serviceSequence())) {
                    return new RatingRequestReceipt(open.requestId(), open.eventId(), open.expiresAt(),
                            hub.connected(window), null, true);
                }
                long closeId = eventIds.incrementAndGet();
                if (store.close(open.requestId(), StoredRequest.State.SUPERSEDED, closeId)) {
                    superseded = open.requestId();
                    hub.publish(window, closedEvent(closeId, open.requestId(), RatingRequestClosed.Reason.SUPERSEDED));
                }
            }
            StoredRequest created = new StoredRequest(UUID.randomUUID().toString(), eventIds.incrementAndGet(),
                    r.hallCode(), r.windowId(), r.caseNumber(), r.serviceSequence(), r.itemCode(), r.itemName(),
                    r.clerkId(), r.clerkName(), now, now.plus(validity), StoredRequest.State.OPEN, null);
            store.insert(created);
            int reached = hub.publish(window, requestEvent(created));
            LOG.info("Rating request {} for window {}/{} (case {}, contact {}): {} pad(s) reached{}",
                    created.requestId(), r.hallCode(), r.windowId(), r.caseNumber(), r.serviceSequence(), reached,
                    superseded == null ? "" : ", superseded " + superseded);
            return new RatingRequestReceipt(created.requestId(), created.eventId(), created.expiresAt(), reached,
                    superseded, false);
        });
    }

    /** The contact was rated: its open requests close, and every pad of their windows drops them. */
    void rated(String caseNumber, String serviceSequence) {
        for (StoredRequest r : store.forContact(caseNumber, serviceSequence)) {
            if (r.state() != StoredRequest.State.OPEN) {
                continue;
            }
            locked(r.window(), () -> {
                long closeId = eventIds.incrementAndGet();
                if (store.close(r.requestId(), StoredRequest.State.RATED, closeId)) {
                    hub.publish(r.window(), closedEvent(closeId, r.requestId(), RatingRequestClosed.Reason.RATED));
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
     * or closed since; without (or with an id this platform never gave), the window's open request.
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
            for (PadEvent e : missed(window, lastEventId.filter(id -> id <= eventIds.get()))) {
                if (!connection.send(e)) {
                    hub.remove(connection);
                    break;
                }
            }
            return null;
        });
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
