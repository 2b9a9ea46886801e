package org.govkiosk.app.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One value the session holds (who the citizen is, the session's state): plain Java, so the session knows no UI
 * toolkit. Confined to the thread that runs the session (the FX thread), like the properties it replaces; listeners
 * run on that thread, after the value changed. The UI adapts it to what it binds to ({@code ui.shell.SessionFx}).
 */
public final class SessionValue<T> {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile T value;

    public SessionValue() {
        this(null);
    }

    public SessionValue(T initial) {
        this.value = initial;
    }

    public T get() {
        return value;
    }

    /** Sets the value; listeners hear of it when it is another object than before (as a JavaFX property's do). */
    public void set(T newValue) {
        T old = value;
        value = newValue;
        if (old != newValue) {
            listeners.forEach(Runnable::run);
        }
    }

    /** {@code listener} runs after every change. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }
}
