package org.govkiosk.app.ui.maintenance;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.DeviceStatusBoard;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.shell.Controls;

/** The technician's screen. Shows details citizens never see. */
public final class MaintenanceView implements Screen {

    private final VBox root = new VBox(16);
    private final MaintenanceViewModel model;

    public MaintenanceView(MaintenanceViewModel model, I18n i18n) {
        this.model = model;
        root.setId("maintenance");
        root.getStyleClass().add("screen");
        GridPane devices = new GridPane();
        devices.setHgap(16);
        devices.setVgap(6);
        devices.addRow(0, Controls.label(i18n, "maintenance.device", "field-label"),
                Controls.label(i18n, "maintenance.status", "field-label"),
                Controls.label(i18n, "maintenance.detail", "field-label"),
                Controls.label(i18n, "maintenance.last-failure", "field-label"));
        int row = 1;
        for (DeviceStatusBoard.Row device : model.devices()) {
            Label id = new Label(device.deviceId());
            Label status = new Label();
            status.setId("maintenance-status-" + device.deviceId());
            status.textProperty().bind(Bindings.createStringBinding(
                    () -> device.status().status().name(), device.statusProperty()));
            Label detail = new Label();
            detail.textProperty().bind(i18n.bindKey(Bindings.createStringBinding(
                    () -> device.status().detail().messageKey(), device.statusProperty())));
            Label failure = new Label();
            failure.textProperty().bind(Bindings.createStringBinding(
                    () -> model.lastFailure(device.deviceId()), device.statusProperty()));
            devices.addRow(row++, id, status, detail, failure);
        }
        ListView<String> supervision = new ListView<>(model.supervision());
        supervision.setPrefHeight(160);

        ChoiceBox<String> target = new ChoiceBox<>();
        model.devices().forEach(d -> target.getItems().add(d.deviceId()));
        if (!target.getItems().isEmpty()) {
            target.getSelectionModel().selectFirst();
        }
        TextField command = new TextField();
        command.setId("simulator-command");
        command.promptTextProperty().bind(i18n.bind("maintenance.simulator.prompt"));
        command.setOnAction(e -> model.sendToSimulator(target.getValue(), command.getText()));
        Label answer = new Label();
        answer.setId("simulator-answer");
        answer.textProperty().bind(model.consoleAnswerProperty());
        HBox console = new HBox(12, target, command,
                Controls.button(i18n, "maintenance.simulator.send", "secondary-button",
                        () -> model.sendToSimulator(target.getValue(), command.getText())));
        console.setAlignment(Pos.CENTER_LEFT);

        var back = Controls.button(i18n, "maintenance.back", "primary-button", model::backToService);
        back.setId("maintenance-back");
        var exit = Controls.button(i18n, "maintenance.exit", "danger-button", model::exit);
        exit.setId("maintenance-exit");
        HBox actions = new HBox(16, back, exit);
        root.getChildren().addAll(Controls.label(i18n, "maintenance.title", "title"), devices,
                Controls.label(i18n, "maintenance.supervision", "subtitle"), supervision,
                Controls.label(i18n, "maintenance.simulator", "subtitle"), console, answer, actions);
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void onShow() {
        model.refresh();
    }
}
