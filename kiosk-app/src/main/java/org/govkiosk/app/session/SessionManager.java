package org.govkiosk.app.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One citizen's session: begins at the first touch on the attract screen, ends on "finish" or after the idle
 * timeout (a warning with a countdown comes first). Ending wipes everything session-scoped. Confined to the FX
 * thread; {@link #tick()} is driven by a timer there, and by tests directly.
 */
public final class SessionManager {

    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    public enum State { IDLE, ACTIVE, WARNING }

    public enum EndReason { FINISHED, TIMEOUT, MAINTENANCE }

    private final Clock clock;
    private volatile Duration idleTimeout;
    private volatile Duration warning;
    private final List<SessionScoped> scoped = new CopyOnWriteArrayList<>();
    private final List<Consumer<EndReason>> endListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> idleTickListeners = new CopyOnWriteArrayList<>();
    private final SessionValue<State> state = new SessionValue<>(State.IDLE);
    private final SessionValue<Integer> secondsLeft = new SessionValue<>(0);
    private Instant lastInteraction;
    private long sessionsEnded;

    public SessionManager(Clock clock, Duration idleTimeout, Duration warning) {
        if (warning.isNegative() || warning.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("warning " + warning + " must be shorter than idle timeout " + idleTimeout);
        }
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.warning = warning;
    }

    /** A configuration reloaded in maintenance mode: the new timeouts count from the next tick. */
    public void setTimeouts(Duration idleTimeout, Duration warning) {
        if (warning.isNegative() || warning.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("warning " + warning + " must be shorter than idle timeout " + idleTimeout);
        }
        this.idleTimeout = idleTimeout;
        this.warning = warning;
    }

    /** Registers something to wipe at every session end. */
    public <T extends SessionScoped> T register(T holder) {
        scoped.add(holder);
        return holder;
    }

    public void onEnd(Consumer<EndReason> listener) {
        endListeners.add(listener);
    }

    /** Called at every tick between sessions (e.g. to end the reminder the last citizen got). */
    public void onIdleTick(Runnable listener) {
        idleTickListeners.add(listener);
    }

    public SessionValue<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    /** Whole seconds until the session ends, while the warning shows. */
    public SessionValue<Integer> secondsLeftProperty() {
        return secondsLeft;
    }

    public long sessionsEnded() {
        return sessionsEnded;
    }

    public void begin() {
        if (state.get() == State.IDLE) {
            LOG.info("Session begins");
        }
        lastInteraction = clock.instant();
        state.set(State.ACTIVE);
    }

    /** Any touch or key: the citizen is still there. */
    public void touch() {
        if (state.get() != State.IDLE) {
            lastInteraction = clock.instant();
            state.set(State.ACTIVE);
        }
    }

    public void tick() {
        if (state.get() == State.IDLE) {
            idleTickListeners.forEach(Runnable::run);
            return;
        }
        Duration idle = Duration.between(lastInteraction, clock.instant());
        if (idle.compareTo(idleTimeout) >= 0) {
            end(EndReason.TIMEOUT);
        } else if (idle.compareTo(idleTimeout.minus(warning)) >= 0) {
            long millisLeft = idleTimeout.minus(idle).toMillis();
            secondsLeft.set((int) ((millisLeft + 999) / 1000));
            state.set(State.WARNING);
        }
    }

    /** Ends the session and wipes it; safe to call when no session runs (wipes again). */
    public void end(EndReason reason) {
        boolean wasActive = state.get() != State.IDLE;
        state.set(State.IDLE);
        secondsLeft.set(0);
        for (SessionScoped holder : scoped) {
            holder.clearSessionData();
        }
        if (wasActive) {
            sessionsEnded++;
            LOG.info("Session ended: {}", reason);
        }
        for (Consumer<EndReason> listener : endListeners) {
            listener.accept(reason);
        }
    }
}
