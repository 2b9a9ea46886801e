package org.govkiosk.app.ui.maintenance;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.govkiosk.app.maintenance.DeviceAdmin;
import org.govkiosk.app.maintenance.MaintenanceAccess;
import org.govkiosk.app.ui.DeviceStatusBoard;
import org.govkiosk.app.ui.Navigator;
import org.govkiosk.app.ui.ScreenId;

/** Maintenance mode: devices in detail, the supervisor's log, the simulator console, and the only way out. */
public final class MaintenanceViewModel {

    private final DeviceStatusBoard board;
    private final DeviceAdmin admin;
    private final MaintenanceAccess access;
    private final Navigator navigator;
    private final Runnable exitApplication;
    private final ScreenId serviceScreen;
    private final ObservableList<String> supervision = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper consoleAnswer = new ReadOnlyStringWrapper("");

    public MaintenanceViewModel(DeviceStatusBoard board, DeviceAdmin admin, MaintenanceAccess access,
            Navigator navigator, Runnable exitApplication, ScreenId serviceScreen) {
        this.board = board;
        this.admin = admin;
        this.access = access;
        this.navigator = navigator;
        this.exitApplication = exitApplication;
        this.serviceScreen = serviceScreen;
    }

    public ObservableList<DeviceStatusBoard.Row> devices() {
        return board.rows();
    }

    public String lastFailure(String deviceId) {
        return admin.lastFailure(deviceId).orElse("");
    }

    public ObservableList<String> supervision() {
        return supervision;
    }

    public void refresh() {
        supervision.setAll(admin.supervisionLog());
    }

    public void sendToSimulator(String deviceId, String command) {
        if (deviceId == null || command == null || command.isBlank()) {
            return;
        }
        access.audit("simulator " + deviceId + ": " + command);
        consoleAnswer.set(admin.simulatorCommand(deviceId, command).orElse("no simulator for " + deviceId));
    }

    public ReadOnlyStringProperty consoleAnswerProperty() {
        return consoleAnswer.getReadOnlyProperty();
    }

    public void backToService() {
        access.audit("back to service");
        navigator.reset(serviceScreen);
    }

    public void exit() {
        access.audit("exit application");
        exitApplication.run();
    }
}
