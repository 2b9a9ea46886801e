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

/**
 * Maintenance mode: devices in detail, 监控记录 (status changes and the supervisor's interventions, in words, kept
 * current while the screen shows), the simulator console, and the only way out.
 */
public final class MaintenanceViewModel {

    private final DeviceStatusBoard board;
    private final DeviceAdmin admin;
    private final MaintenanceAccess access;
    private final Navigator navigator;
    private final Runnable exitApplication;
    private final ScreenId serviceScreen;
    private final ObservableList<String> supervision = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper consoleAnswer = new ReadOnlyStringWrapper("");

    /** Made once: every status change redraws the whole record, up to a few hundred lines. */
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");
    private static final java.util.regex.Pattern RECONNECT = java.util.regex.Pattern.compile("reconnect attempt (\\d+)");

    private final org.govkiosk.app.i18n.I18n i18n;
    private final java.time.ZoneId zone;

    private final org.govkiosk.app.training.TrainingMode training;
    private final javafx.beans.property.ReadOnlyBooleanWrapper trainingOn;

    public MaintenanceViewModel(DeviceStatusBoard board, DeviceAdmin admin, MaintenanceAccess access,
            Navigator navigator, Runnable exitApplication, ScreenId serviceScreen, org.govkiosk.app.i18n.I18n i18n,
            java.time.ZoneId zone) {
        this(board, admin, access, navigator, exitApplication, serviceScreen, i18n, zone,
                org.govkiosk.app.training.TrainingMode.off());
    }

    /** @param training the terminal's training switch, which the technician turns on and off here */
    public MaintenanceViewModel(DeviceStatusBoard board, DeviceAdmin admin, MaintenanceAccess access,
            Navigator navigator, Runnable exitApplication, ScreenId serviceScreen, org.govkiosk.app.i18n.I18n i18n,
            java.time.ZoneId zone, org.govkiosk.app.training.TrainingMode training) {
        this.training = training;
        this.trainingOn = new javafx.beans.property.ReadOnlyBooleanWrapper(training.on());
        this.i18n = i18n;
        this.zone = zone;
        this.board = board;
        this.admin = admin;
        this.access = access;
        this.navigator = navigator;
        this.exitApplication = exitApplication;
        this.serviceScreen = serviceScreen;
        // A device that goes or comes back while the technician looks shows at once (the board lives on FX).
        board.rows().forEach(r -> r.statusProperty().addListener((obs, was, now) -> refresh()));
        i18n.localeProperty().addListener((obs, was, now) -> refresh());
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
        supervision.setAll(admin.journal().stream().map(this::line).toList());
    }

    /** 23:12:04  idcard-1  正常 → 暂不可用（找不到端口）, or the supervisor's action in words with its cause. */
    String line(DeviceAdmin.JournalEntry entry) {
        String time = TIME.format(entry.at().atZone(zone));
        String what;
        if (entry instanceof DeviceAdmin.StatusChange c) {
            what = i18n.text("maintenance.journal.status", status(c.from()), status(c.to()));
            if (c.to().detail() != org.govkiosk.device.DeviceStatusDetail.NONE) {
                what += i18n.text("maintenance.journal.detail", i18n.text(c.to().detail().messageKey()));
            }
        } else {
            DeviceAdmin.Intervention i = (DeviceAdmin.Intervention) entry;
            what = action(i.action()) + (i.cause() == null || i.cause().isBlank() ? ""
                    : i18n.text("maintenance.journal.detail", i.cause()));
        }
        return time + "  " + entry.componentId() + "  " + what;
    }

    private String status(org.govkiosk.device.DeviceStatusInfo s) {
        return i18n.text("device.status." + s.status().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The supervisor's and watchdog's actions (DeviceSupervisor's records) in words. */
    private String action(String action) {
        java.util.regex.Matcher attempt = RECONNECT.matcher(action);
        if (attempt.matches()) {
            return i18n.text("maintenance.journal.reconnect", attempt.group(1));
        }
        return switch (action) {
            case "declared lost" -> i18n.text("maintenance.journal.lost");
            case "restarted" -> i18n.text("maintenance.journal.restarted");
            default -> action.startsWith("not retried") ? i18n.text("maintenance.journal.not-retried") : action;
        };
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

    /** Whether the terminal is in training mode (培训模式). */
    public javafx.beans.property.ReadOnlyBooleanProperty trainingOnProperty() {
        return trainingOn.getReadOnlyProperty();
    }

    /** Switches training mode on or off (kept across restarts, audited); says why in the console if it cannot. */
    public void toggleTraining() {
        boolean next = !training.on();
        try {
            training.set(next, "maintenance (PIN)");
            access.audit(next ? "training mode on" : "training mode off");
        } catch (RuntimeException e) {
            consoleAnswer.set(e.getMessage());
        }
        trainingOn.set(training.on());
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
