package org.govkiosk.app.ui;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Labeled;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.shell.Controls;

/**
 * The hall's name as the screens show it: in the screen's language (terminal.yaml's {@code hall-name}, the Chinese
 * where it gives none), and on a bilingual Mongolian screen its Mongolian ({@code mn:}) written vertically beside
 * the Chinese, as the screens' headings are.
 */
public interface HallName extends Function<Locale, String> {

    /** The Mongolian (traditional script) of the name on a Mongolian screen; empty on others and where none is given. */
    default String mongolian(Locale locale) {
        return "";
    }

    static HallName of(Function<Locale, String> name, Function<Locale, String> mongolian) {
        return new HallName() {
            @Override
            public String apply(Locale locale) {
                return name.apply(locale);
            }

            @Override
            public String mongolian(Locale locale) {
                return mongolian.apply(locale);
            }
        };
    }

    /**
     * Binds {@code labeled} to the hall's name, with its Mongolian vertically on the left on a Mongolian screen
     * where {@code name} has it (a plain function, as tests give, has none), {@code scale} times the label's type
     * size in columns of {@code columnEms}.
     */
    static <T extends Labeled> T show(T labeled, Function<Locale, String> name, I18n i18n, double scale,
            double columnEms) {
        return show(labeled, name, i18n, scale, columnEms, new javafx.beans.property.SimpleBooleanProperty(true));
    }

    /** {@link #show(Labeled, Function, I18n, double, double)}, the Mongolian only while {@code room} holds. */
    static <T extends Labeled> T show(T labeled, Function<Locale, String> name, I18n i18n, double scale,
            double columnEms, javafx.beans.value.ObservableBooleanValue room) {
        labeled.textProperty().bind(Bindings.createStringBinding(() -> name.apply(i18n.locale()),
                i18n.localeProperty()));
        if (name instanceof HallName hall) {
            Controls.mongolian(labeled, Bindings.createStringBinding(() -> room.get() ? hall.mongolian(i18n.locale())
                    : "", i18n.localeProperty(), room), scale, columnEms);
        }
        return labeled;
    }

    /** The Mongolian of {@code name} on {@code locale}'s screen, if it is a {@link HallName} with one; else empty. */
    static String mongolianOf(Function<Locale, String> name, Locale locale) {
        return name instanceof HallName hall ? hall.mongolian(locale) : "";
    }
}
