package org.govkiosk.app.ui.shell;

import java.util.Map;
import java.util.WeakHashMap;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.govkiosk.app.session.SessionValue;

/**
 * The session's values as JavaFX properties, for bindings on the UI side: the session itself knows no JavaFX. One
 * property per value (kept while the value lives), updated on the thread that changes the value (the FX thread).
 */
public final class SessionFx {

    private static final Map<SessionValue<?>, ReadOnlyObjectProperty<?>> PROPERTIES = new WeakHashMap<>();

    private SessionFx() {
    }

    @SuppressWarnings("unchecked")
    public static synchronized <T> ReadOnlyObjectProperty<T> property(SessionValue<T> value) {
        return (ReadOnlyObjectProperty<T>) PROPERTIES.computeIfAbsent(value, v -> {
            ReadOnlyObjectWrapper<T> fx = new ReadOnlyObjectWrapper<>(value.get());
            value.addListener(() -> fx.set(value.get()));
            return fx.getReadOnlyProperty();
        });
    }
}
