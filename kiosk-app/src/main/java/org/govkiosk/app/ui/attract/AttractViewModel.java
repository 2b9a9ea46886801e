package org.govkiosk.app.ui.attract;

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
    private final String hallName;

    public AttractViewModel(SessionManager sessions, Navigator navigator, DeviceStatusBoard board, String hallName) {
        this.sessions = sessions;
        this.navigator = navigator;
        this.board = board;
        this.hallName = hallName;
    }

    public String hallName() {
        return hallName;
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
