package org.govkiosk.app.ui.attract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.govkiosk.app.session.SessionManager;
import org.govkiosk.app.ui.DeviceStatusBoard;
import org.govkiosk.app.ui.Navigator;
import org.govkiosk.app.ui.ScreenId;

/**
 * The attract screen: invites the next citizen and shows, plainly, whether the terminal's devices serve. When a
 * citizen finishes, or walks away and the session times out, it first reminds them, for a while, to take
 * their ID card, receipt and papers, in the terminal's language and in the one they used (terminal.yaml's
 * {@code session.farewell}).
 */
public final class AttractViewModel {

    private final SessionManager sessions;
    private final Navigator navigator;
    private final DeviceStatusBoard board;
    private final Function<Locale, String> hallName;
    private final Clock clock;
    private final Duration farewellFor;
    private final ReadOnlyBooleanWrapper farewell = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Locale> citizenLocale = new SimpleObjectProperty<>();
    private Locale usedLocale;
    private Instant farewellUntil = Instant.MIN;

    /**
     * @param hallName the hall's name in a language (terminal.yaml's hall-name, English where it gives one)
     * @param locale   the screens' language, which the citizen may change and which is reset when they leave
     * @param farewellFor how long the reminder stays, unless the next citizen starts
     */
    public AttractViewModel(SessionManager sessions, Navigator navigator, DeviceStatusBoard board,
            Function<Locale, String> hallName, ObjectProperty<Locale> locale, Clock clock, Duration farewellFor) {
        this.sessions = sessions;
        this.navigator = navigator;
        this.board = board;
        this.hallName = hallName;
        this.clock = clock;
        this.farewellFor = farewellFor;
        locale.addListener((obs, was, now) -> {
            if (sessions.state() != SessionManager.State.IDLE) {
                usedLocale = now;
            }
        });
        sessions.onEnd(reason -> {
            if (reason != SessionManager.EndReason.MAINTENANCE) {
                citizenLocale.set(usedLocale);
                farewellUntil = clock.instant().plus(farewellFor);
                farewell.set(true);
            }
            usedLocale = null;
        });
        sessions.onIdleTick(this::tick);
    }

    /** True while the last citizen is reminded to take their card and papers. */
    public ReadOnlyBooleanProperty farewellProperty() {
        return farewell.getReadOnlyProperty();
    }

    /** The language the last citizen chose, when they chose one; null when they kept the terminal's. */
    public ReadOnlyObjectProperty<Locale> citizenLocaleProperty() {
        return citizenLocale;
    }

    void tick() {
        if (farewell.get() && !clock.instant().isBefore(farewellUntil)) {
            farewell.set(false);
            citizenLocale.set(null);
        }
    }

    /** The hall's name in every language, its Mongolian too where it has one ({@link org.govkiosk.app.ui.HallName}). */
    public Function<Locale, String> hallNameInAnyLanguage() {
        return hallName;
    }

    public String hallName(Locale locale) {
        return hallName.apply(locale);
    }

    /** One line per kind of device (two scanners are one 扫码器 to a citizen): usable while any of them serves. */
    public java.util.List<Kind> kinds() {
        return board.rows().stream().map(DeviceStatusBoard.Row::family).distinct()
                .map(f -> new Kind(f, board.usableBinding(f))).toList();
    }

    /** A kind of device as the citizen sees it. */
    public record Kind(org.govkiosk.device.DeviceFamily family, BooleanBinding usable) {
    }

    /** True while every configured device serves. */
    public BooleanBinding allDevicesUsable() {
        ObservableList<DeviceStatusBoard.Row> rows = board.rows();
        javafx.beans.Observable[] deps = rows.stream().map(DeviceStatusBoard.Row::statusProperty)
                .toArray(javafx.beans.Observable[]::new);
        return Bindings.createBooleanBinding(() -> rows.stream().allMatch(r -> r.status().isUsable()), deps);
    }

    public void start() {
        farewell.set(false);
        citizenLocale.set(null);
        sessions.begin();
        navigator.go(ScreenId.HOME);
    }
}
