package org.govkiosk.app.pad;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceStatusChanged;
import org.govkiosk.device.RatingPad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a window's rating requests on a serial five-key pad as well as on the pad-mode terminal's screen, and hands
 * the key pressed to the screen's rating rules ({@link PadKeys}): the screen and the serial pad rate the same
 * contact, and whichever is used first rates it, once. What each key becomes is the screen's business (a good level
 * is the rating, a bad one needs reasons the five keys cannot give).
 *
 * <p>No thread of its own: the connection's thread calls the listener methods, the device scheduler publishes the
 * key presses. The pad's driver keeps its own rules (only the newest request open, one key press per request,
 * debounce, stuck keys), so a key pressed twice reaches {@link PadKeys} once.
 */
public final class SerialPadRelay implements PadListener, AutoCloseable {

    /** What a key on the serial pad does to the screen's rating (the screen's view model implements it). */
    public interface PadKeys {
        /** Level 1..5 pressed on a serial pad for {@code requestId}; called off the FX thread. */
        void keyPressed(String requestId, int level);
    }

    /** The pad's display takes 5..3600 s (rating-pad protocol); a request valid for less is not shown there. */
    static final Duration SHORTEST = Duration.ofSeconds(5);
    static final Duration LONGEST = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(SerialPadRelay.class);

    private final RatingPad pad;
    private final PadListener screen;
    private final PadKeys keys;
    private final String windowName;
    private final Duration displayLimit;
    private final Clock clock;
    private final AutoCloseable subscription;
    private final AutoCloseable statusSubscription;
    private final Object lock = new Object();
    private String shown; // guarded by lock: the request last put on the serial pad
    private PadRequest open; // guarded by lock: the request the screen still offers, to show again after a replug
    /** Guarded by lock: requests rated, closed or run out, so a replay after a reconnect is not put on the pad. */
    private final java.util.ArrayDeque<String> done = new java.util.ArrayDeque<>();
    private static final int REMEMBERED = 50;

    /**
     * @param screen       the terminal's screen (pad mode): it gets every callback first
     * @param windowName   shown on the pad beside the clerk (3号窗口); may be null
     * @param displayLimit the longest a request stays on the pad, as on the screen
     */
    public SerialPadRelay(RatingPad pad, DeviceEventBus bus, PadListener screen, PadKeys keys, String windowName,
            Duration displayLimit, Clock clock) {
        this.pad = Objects.requireNonNull(pad, "pad");
        this.screen = Objects.requireNonNull(screen, "screen");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.windowName = windowName == null ? "" : windowName;
        this.displayLimit = Objects.requireNonNull(displayLimit, "displayLimit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.subscription = bus.onEvent(this::onDeviceEvent);
        this.statusSubscription = bus.onStatus(this::onStatus);
    }

    @Override
    public void requestArrived(PadRequest request) {
        screen.requestArrived(request);
        synchronized (lock) {
            if (done.contains(request.requestId())) {
                return; // the screen ignores it too
            }
            open = request;
        }
        showOnPad(request);
    }

    private void showOnPad(PadRequest request) {
        Duration left = Duration.between(clock.instant(), request.validUntil());
        if (left.compareTo(displayLimit) > 0) {
            left = displayLimit;
        }
        if (left.compareTo(SHORTEST) < 0) {
            LOG.info("Rating pad {}: request {} has {} s left, too little to show", pad.id(), request.requestId(),
                    left.toSeconds());
            return;
        }
        if (left.compareTo(LONGEST) > 0) {
            left = LONGEST;
        }
        var e = request.event();
        synchronized (lock) {
            shown = request.requestId();
        }
        pad.show(new RatingPad.RatingRequest(request.requestId(), nullToEmpty(e.itemName()),
                nullToEmpty(e.clerkName()), windowName, left)).whenComplete((ok, error) -> {
                    if (error != null) {
                        notShown(request.requestId(), error);
                    }
                });
    }

    private void notShown(String requestId, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CancellationException) {
            LOG.debug("Rating pad {}: request {} was displaced before it went out", pad.id(), requestId);
        } else if (cause instanceof IllegalStateException) {
            // A replay after the platform link came back, of a request the pad's key rated already.
            LOG.debug("Rating pad {}: request {} not shown again: {}", pad.id(), requestId, cause.getMessage());
        } else {
            // The screen still offers it; the technician sees the pad's own status.
            LOG.warn("Rating pad {}: request {} is not on the pad: {}", pad.id(), requestId, cause.getMessage());
        }
    }

    @Override
    public void requestClosed(String requestId) {
        screen.requestClosed(requestId);
        clearIfShown(requestId);
    }

    @Override
    public void connectionChanged(boolean connected) {
        screen.connectionChanged(connected);
    }

    /** The screen is done with {@code requestId} (rated there, or run out): the pad returns to idle too. */
    public void screenFinished(String requestId) {
        clearIfShown(requestId);
    }

    private void clearIfShown(String requestId) {
        synchronized (lock) {
            remember(requestId);
            if (open != null && open.requestId().equals(requestId)) {
                open = null;
            }
            if (!requestId.equals(shown)) {
                return;
            }
            shown = null;
        }
        pad.clear().whenComplete((ok, error) -> {
            if (error != null) {
                LOG.debug("Rating pad {}: clear not done: {}", pad.id(), error.getMessage());
            }
        });
    }

    private void onDeviceEvent(DeviceEvent event) {
        if (event instanceof DeviceEvent.RatingEntered r && r.deviceId().equals(pad.id())) {
            synchronized (lock) {
                remember(r.requestId());
                if (r.requestId().equals(shown)) {
                    shown = null; // the pad went idle with the key press
                }
                if (open != null && open.requestId().equals(r.requestId())) {
                    open = null;
                }
            }
            keys.keyPressed(r.requestId(), r.level());
        }
    }

    /**
     * The pad is back (replugged, reconnected) while the screen still offers a request: it is shown again, so the
     * citizen in front of the window can use the keys. What the pad lost on the way was cancelled there already.
     */
    private void onStatus(DeviceStatusChanged change) {
        if (!change.deviceId().equals(pad.id()) || !change.newStatus().isUsable()
                || change.oldStatus().isUsable()) {
            return;
        }
        PadRequest again;
        synchronized (lock) {
            again = open;
        }
        if (again != null && clock.instant().isBefore(again.validUntil())) {
            LOG.info("Rating pad {} is back: request {} shown again", pad.id(), again.requestId());
            showOnPad(again);
        }
    }

    private void remember(String requestId) {
        if (!done.contains(requestId)) {
            done.addLast(requestId);
            while (done.size() > REMEMBERED) {
                done.removeFirst();
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        try {
            subscription.close();
            statusSubscription.close();
        } catch (Exception e) {
            LOG.debug("Rating pad {}: unsubscribing failed", pad.id(), e);
        }
    }
}
