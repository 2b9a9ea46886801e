package org.govkiosk.app.ui.shell;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.binding.StringBinding;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.session.SessionManager;
import org.govkiosk.app.session.SessionScoped;
import org.govkiosk.app.ui.Navigator;
import org.govkiosk.app.ui.ScreenId;

/**
 * What every screen offers: language, large type with high contrast (适老化), help, back, finish, and the hidden way to
 * maintenance (five taps on the hall name within three seconds, or Ctrl+Shift+F12 on a service keyboard).
 * A citizen's choices of language and contrast end with their session.
 */
public final class ShellViewModel implements SessionScoped {

    private static final int MAINTENANCE_TAPS = 5;
    private static final Duration TAP_WINDOW = Duration.ofSeconds(3);

    private final I18n i18n;
    private final SessionManager sessions;
    private final Navigator navigator;
    private final Clock clock;
    private final Locale defaultLocale;
    private final boolean defaultElderMode;
    private final BooleanProperty elderMode;
    private final ReadOnlyBooleanWrapper helpOpen = new ReadOnlyBooleanWrapper(false);
    private Instant firstTap = Instant.MIN;
    private int taps;

    private final ReadOnlyBooleanWrapper training = new ReadOnlyBooleanWrapper(false);

    public ShellViewModel(I18n i18n, SessionManager sessions, Navigator navigator, Clock clock,
            boolean defaultElderMode) {
        this(i18n, sessions, navigator, clock, defaultElderMode, org.govkiosk.app.training.TrainingMode.off());
    }

    /** @param trainingMode shown as a banner on every screen while on (培训模式) */
    public ShellViewModel(I18n i18n, SessionManager sessions, Navigator navigator, Clock clock,
            boolean defaultElderMode, org.govkiosk.app.training.TrainingMode trainingMode) {
        training.set(trainingMode.on());
        // Switched in maintenance mode (the JavaFX thread), or by a test from any thread: shown on the FX thread.
        trainingMode.onChange(on -> {
            if (javafx.application.Platform.isFxApplicationThread()) {
                training.set(on);
            } else {
                javafx.application.Platform.runLater(() -> training.set(on));
            }
        });
        this.i18n = i18n;
        this.sessions = sessions;
        this.navigator = navigator;
        this.clock = clock;
        this.defaultLocale = i18n.locale();
        this.defaultElderMode = defaultElderMode;
        this.elderMode = new SimpleBooleanProperty(defaultElderMode);
        // Help belongs to the screen it was opened on: moving on (or the session ending) closes it.
        navigator.currentProperty().addListener((obs, was, now) -> helpOpen.set(false));
    }

    /** Whether the terminal is in training mode: every screen says so. */
    public ReadOnlyBooleanProperty trainingProperty() {
        return training.getReadOnlyProperty();
    }

    /** Whether the help of the current screen is shown over it. */
    public ReadOnlyBooleanProperty helpOpenProperty() {
        return helpOpen.getReadOnlyProperty();
    }

    /** The bundle key of the current screen's help text. */
    public StringBinding helpKey() {
        return Bindings.createStringBinding(() -> ScreenHelp.key(navigator.current()), navigator.currentProperty());
    }

    public void openHelp() {
        if (navigator.current() != null && navigator.current().isCitizen()) {
            helpOpen.set(true);
        }
    }

    public void closeHelp() {
        helpOpen.set(false);
    }

    public BooleanProperty elderModeProperty() {
        return elderMode;
    }

    public void toggleElderMode() {
        elderMode.set(!elderMode.get());
    }

    public void switchLanguage() {
        i18n.next();
    }

    /** Back and finish belong to a citizen's session. */
    public BooleanBinding inCitizenScreen() {
        return Bindings.createBooleanBinding(
                () -> navigator.current() != null && navigator.current().isCitizen(), navigator.currentProperty());
    }

    public void back() {
        if (navigator.canGoBack()) {
            navigator.back();
        }
    }

    public void finish() {
        sessions.end(SessionManager.EndReason.FINISHED);
    }

    public void hallNameTapped() {
        Instant now = clock.instant();
        if (Duration.between(firstTap, now).compareTo(TAP_WINDOW) > 0) {
            firstTap = now;
            taps = 0;
        }
        if (++taps >= MAINTENANCE_TAPS) {
            taps = 0;
            openMaintenance();
        }
    }

    public void openMaintenance() {
        ScreenId here = navigator.current();
        if (here == ScreenId.MAINTENANCE || here == ScreenId.MAINTENANCE_PIN) {
            return;
        }
        // A technician taking over ends any citizen session first: nothing of it stays behind the PIN pad.
        sessions.end(SessionManager.EndReason.MAINTENANCE);
        navigator.go(ScreenId.MAINTENANCE_PIN);
    }

    @Override
    public void clearSessionData() {
        i18n.localeProperty().set(defaultLocale);
        elderMode.set(defaultElderMode);
        helpOpen.set(false);
    }
}
