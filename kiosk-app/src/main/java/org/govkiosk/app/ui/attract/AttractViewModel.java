package org.govkiosk.app.ui.attract;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ObservableList;
import org.govkiosk.app.session.SessionManager;
import org.govkiosk.app.ui.DeviceStatusBoard;
import org.govkiosk.app.ui.Navigator;
import org.govkiosk.app.ui.ScreenId;

/** The attract screen: invites the next citizen and shows, plainly, whether the terminal's devices serve. */
public final class AttractViewModel {

    private final SessionManager sessions;
    private final Navigator navigator;
    private final DeviceStatusBoard board;
    private final Function<Locale, String> hallName;

    /** @param hallName the hall's name in a language (terminal.yaml's hall-name, English where it gives one) */
    public AttractViewModel(SessionManager sessions, Navigator navigator, DeviceStatusBoard board,
            Function<Locale, String> hallName) {
        this.sessions = sessions;
        this.navigator = navigator;
        this.board = board;
        this.hallName = hallName;
    }

    public String hallName(Locale locale) {
        return hallName.apply(locale);
    }

    public ObservableList<DeviceStatusBoard.Row> devices() {
        return board.rows();
    }

    /** True while every configured device serves. */
    public BooleanBinding allDevicesUsable() {
        ObservableList<DeviceStatusBoard.Row> rows = board.rows();
        javafx.beans.Observable[] deps = rows.stream().map(DeviceStatusBoard.Row::statusProperty)
                .toArray(javafx.beans.Observable[]::new);
        return Bindings.createBooleanBinding(() -> rows.stream().allMatch(r -> r.status().isUsable()), deps);
    }

    public void start() {
        sessions.begin();
        navigator.go(ScreenId.HOME);
    }
}
