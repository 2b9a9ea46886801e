package org.govkiosk.device.internal.driver.ratingpad;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.govkiosk.device.internal.codec.ratingpad.KeyPress;

/**
 * Which request a key press may rate. One request is current at a time: the newest one asked for, from the
 * moment it is handed to the pad until it is rated or cancelled. Rules, in order:
 * <ol>
 *   <li>a press of a key the pad reported stuck is ignored (a stuck contact must not rate anything);</li>
 *   <li>a press within the debounce window of the last accepted one is a bounce or a repeated tap, whatever
 *       request it names: a citizen still tapping when the next case appears must not rate it;</li>
 *   <li>a press naming the current request rates it, once; it is then no longer current;</li>
 *   <li>a press naming a request rated recently is a repeated rating and ignored;</li>
 *   <li>anything else names no open request and is ignored.</li>
 * </ol>
 * Not thread-safe: the driver calls it under one lock. No I/O, no threads: tested on its own.
 */
final class RatingBook {

    /** What became of one key press. */
    enum KeyDecision { ACCEPTED, STUCK_KEY, BOUNCE, REPEATED, NO_OPEN_REQUEST }

    /** How many rated request ids are remembered to tell a repeated rating from a stray press. */
    static final int REMEMBERED = 32;

    private final Duration debounce;
    private final Deque<String> rated = new ArrayDeque<>();
    private String current;
    private boolean shown;
    private Instant lastAccepted;
    private int stuckKey;

    RatingBook(Duration debounce) {
        this.debounce = debounce;
    }

    /** Makes {@code requestId} current; returns the request it displaces, which the caller cancels. */
    Optional<String> replace(String requestId) {
        String previous = current;
        current = requestId;
        shown = false;
        return previous == null || previous.equals(requestId) ? Optional.empty() : Optional.of(previous);
    }

    /** The pad acknowledged {@code requestId}; false if it is no longer current (rated or displaced meanwhile). */
    boolean shown(String requestId) {
        if (requestId.equals(current)) {
            shown = true;
            return true;
        }
        return false;
    }

    /** Ends the current request, if any, for the caller to cancel. */
    Optional<String> cancelCurrent() {
        String previous = current;
        current = null;
        shown = false;
        return Optional.ofNullable(previous);
    }

    /** Ends {@code requestId} if it is still current. */
    boolean cancel(String requestId) {
        if (requestId.equals(current)) {
            cancelCurrent();
            return true;
        }
        return false;
    }

    KeyDecision keyPressed(KeyPress press, Instant now) {
        if (stuckKey != 0 && press.level() == stuckKey) {
            return KeyDecision.STUCK_KEY;
        }
        if (lastAccepted != null && Duration.between(lastAccepted, now).compareTo(debounce) < 0) {
            return KeyDecision.BOUNCE;
        }
        if (press.requestId().equals(current)) {
            // A press proves the pad showed it, even if its ACK is still on the way.
            current = null;
            shown = false;
            lastAccepted = now;
            rated.addLast(press.requestId());
            while (rated.size() > REMEMBERED) {
                rated.removeFirst();
            }
            return KeyDecision.ACCEPTED;
        }
        return rated.contains(press.requestId()) ? KeyDecision.REPEATED : KeyDecision.NO_OPEN_REQUEST;
    }

    boolean wasRated(String requestId) {
        return rated.contains(requestId);
    }

    /** The key the pad reports stuck (1..5), or 0 for none. */
    void stuckKey(int level) {
        stuckKey = level;
    }

    Optional<String> current() {
        return Optional.ofNullable(current);
    }

    /** Whether the current request has been acknowledged by the pad. */
    boolean isShown() {
        return current != null && shown;
    }
}
