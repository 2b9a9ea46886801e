package org.govkiosk.app.ui.attract;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.DeviceStatusBoard;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.shell.Controls;

/** Welcome screen shown between citizens. */
public final class AttractView implements Screen {

    private final VBox root = new VBox(32);

    public AttractView(AttractViewModel model, I18n i18n) {
        root.setId("attract");
        root.setAlignment(Pos.CENTER);
        root.getStyleClass().add("screen");
        Label title = Controls.label(i18n, "attract.title", "title");
        Label hall = new Label();
        hall.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.hallName(i18n.locale()), i18n.localeProperty()));
        hall.getStyleClass().add("subtitle");
        Controls.wrap(hall); // an English hall name is long; large type must not cut it
        hall.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        var start = Controls.button(i18n, "attract.start", "primary-button", model::start);
        start.setId("start");
        start.setDefaultButton(true);

        FlowPane devices = new FlowPane(16, 8);
        devices.setId("device-strip");
        devices.setAlignment(Pos.CENTER);
        for (DeviceStatusBoard.Row row : model.devices()) {
            Label line = new Label();
            line.setId("device-" + row.deviceId());
            line.textProperty().bind(javafx.beans.binding.Bindings.concat(
                    i18n.bind("device.family." + row.family().configName()), " · ",
                    i18n.bindKey(javafx.beans.binding.Bindings.createStringBinding(
                            () -> "device.status." + row.status().status().name().toLowerCase(java.util.Locale.ROOT),
                            row.statusProperty()))));
            line.getStyleClass().add("device-status");
            row.statusProperty().addListener((obs, old, now) -> styleFor(line, now.isUsable()));
            styleFor(line, row.status().isUsable());
            devices.getChildren().add(line);
        }
        Label summary = new Label();
        summary.textProperty().bind(javafx.beans.binding.Bindings.when(model.allDevicesUsable())
                .then(i18n.bind("attract.devices-ok")).otherwise(i18n.bind("attract.devices-limited")));
        summary.getStyleClass().add("hint");
        root.getChildren().addAll(title, hall, start, summary, devices);
    }

    private static void styleFor(Label line, boolean usable) {
        line.getStyleClass().removeAll("usable", "unusable");
        line.getStyleClass().add(usable ? "usable" : "unusable");
    }

    @Override
    public Node view() {
        return root;
    }
}
