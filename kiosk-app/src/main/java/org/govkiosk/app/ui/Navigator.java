package org.govkiosk.app.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.layout.StackPane;

/**
 * Shows one screen at a time in the shell's content area and keeps the way back. Views are built on first use;
 * {@link #discardCitizenScreens()} throws away every citizen screen so nothing of a session survives in a node.
 */
public final class Navigator {

    private final StackPane host;
    private final Map<ScreenId, Supplier<? extends Screen>> factories = new EnumMap<>(ScreenId.class);
    private final Map<ScreenId, Screen> built = new EnumMap<>(ScreenId.class);
    private final Deque<ScreenId> history = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<ScreenId> current = new ReadOnlyObjectWrapper<>();

    public Navigator(StackPane host) {
        this.host = host;
    }

    public void register(ScreenId id, Supplier<? extends Screen> factory) {
        factories.put(id, factory);
    }

    public ReadOnlyObjectProperty<ScreenId> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ScreenId current() {
        return current.get();
    }

    /** Goes to a screen, remembering the current one for {@link #back()}. */
    public void go(ScreenId id) {
        if (current.get() != null && current.get() != id) {
            history.push(current.get());
        }
        display(id);
    }

    /** Starts over at a screen with no way back (attract, maintenance). */
    public void reset(ScreenId id) {
        history.clear();
        display(id);
    }

    /**
     * Forgets {@code screens} on the way back: a journey's steps once it is done (an application filed cannot be
     * confirmed again by going back to its confirmation).
     */
    public void forget(java.util.Set<ScreenId> screens) {
        history.removeIf(screens::contains);
    }

    /** Back stays within the citizen's screens: it never leads out of a session to the attract screen. */
    public boolean canGoBack() {
        return !history.isEmpty() && (current.get() == null || !current.get().isCitizen() || history.peek().isCitizen());
    }

    public void back() {
        if (canGoBack()) {
            display(history.pop());
        }
    }

    public void discardCitizenScreens() {
        ScreenId shown = current.get();
        if (shown != null && shown.isCitizen()) {
            built.get(shown).onHide();
            host.getChildren().clear();
            current.set(null);
        }
        history.removeIf(ScreenId::isCitizen);
        built.keySet().removeIf(ScreenId::isCitizen);
    }

    /** The screen as built, for tests and for the shell. */
    public Screen screen(ScreenId id) {
        return built.computeIfAbsent(id, key -> {
            Supplier<? extends Screen> factory = factories.get(key);
            if (factory == null) {
                throw new IllegalStateException("No screen registered for " + key);
            }
            return factory.get();
        });
    }

    private void display(ScreenId id) {
        Screen next = screen(id);
        ScreenId previous = current.get();
        if (previous != null && built.containsKey(previous)) {
            built.get(previous).onHide();
        }
        host.getChildren().setAll(next.view());
        current.set(id);
        next.onShow();
    }
}
