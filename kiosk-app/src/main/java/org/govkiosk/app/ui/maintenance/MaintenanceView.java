package org.govkiosk.app.ui.maintenance;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.keyboard.KeyboardLayout;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.shell.Controls;

/** The technician's screen. Shows details citizens never see. */
public final class MaintenanceView implements Screen {

    private final VBox root = new VBox(16);
    private final MaintenanceViewModel model;

    private final MaintenanceTabs tabs;

    public MaintenanceView(MaintenanceViewModel model, MaintenanceTabs tabs, I18n i18n) {
        this.model = model;
        this.tabs = tabs;
        root.setId("maintenance");
        root.getStyleClass().add("screen");
        // 监控记录, newest first, as wrapped lines in a pannable pane (a list's fixed cells cut them in large type).
        VBox journal = new VBox(4);
        Runnable showJournal = () -> {
            java.util.List<String> newestFirst = new java.util.ArrayList<>(model.supervision());
            java.util.Collections.reverse(newestFirst);
            journal.getChildren().setAll(newestFirst.stream().map(line -> {
                Label l = Controls.wrap(new Label(line));
                l.getStyleClass().add("journal-line");
                return l;
            }).toList());
        };
        model.supervision().addListener((javafx.collections.ListChangeListener<String>) c -> showJournal.run());
        showJournal.run();
        javafx.scene.control.ScrollPane supervision = new javafx.scene.control.ScrollPane(journal);
        supervision.setId("maintenance-supervision");
        supervision.setFitToWidth(true);
        // As low as the list it replaced: the device cards above keep their room (four lines show; it scrolls).
        supervision.setStyle("-fx-min-height: 120px;");
        supervision.setPrefHeight(120);

        ChoiceBox<String> target = new ChoiceBox<>();
        model.devices().forEach(d -> target.getItems().add(d.deviceId()));
        if (!target.getItems().isEmpty()) {
            target.getSelectionModel().selectFirst();
        }
        TextField command = KeyboardLayout.set(new TextField(), KeyboardLayout.LATIN);
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
        VBox devices = new VBox(10, new DeviceDashboardView(tabs.devices(), model, i18n).view(),
                Controls.label(i18n, "maintenance.supervision", "subtitle"), supervision,
                Controls.label(i18n, "maintenance.simulator", "subtitle"), console, answer);

        TabPane pane = new TabPane(
                tab(i18n, "maintenance.tab.devices", "tab-devices", devices),
                tab(i18n, "maintenance.tab.outbox", "tab-outbox", new OutboxAdminView(tabs.outbox(), i18n).view()),
                tab(i18n, "maintenance.tab.export", "tab-export", new LogExportView(tabs.export(), i18n).view()),
                tab(i18n, "maintenance.tab.config", "tab-config", new ConfigReloadView(tabs.config(), i18n).view()),
                tab(i18n, "maintenance.tab.usage", "tab-usage", new UsageView(tabs.usage(), i18n).view()));
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        pane.setId("maintenance-tabs");
        VBox.setVgrow(pane, Priority.ALWAYS);

        var back = Controls.button(i18n, "maintenance.back", "primary-button", model::backToService);
        back.setId("maintenance-back");
        var exit = Controls.button(i18n, "maintenance.exit", "danger-button", model::exit);
        exit.setId("maintenance-exit");
        // 培训模式: the switch says what it will do, the line beside it what the terminal is now.
        var training = new javafx.scene.control.Button();
        training.setId("maintenance-training");
        training.getStyleClass().add("secondary-button");
        training.textProperty().bind(javafx.beans.binding.Bindings.when(model.trainingOnProperty())
                .then(i18n.bind("maintenance.training.stop")).otherwise(i18n.bind("maintenance.training.start")));
        training.setOnAction(e -> model.toggleTraining());
        Controls.fitText(training);
        var trainingState = new javafx.scene.control.Label();
        trainingState.setId("maintenance-training-state");
        trainingState.textProperty().bind(javafx.beans.binding.Bindings.when(model.trainingOnProperty())
                .then(i18n.bind("maintenance.training.on")).otherwise(i18n.bind("maintenance.training.off")));
        Controls.wrap(trainingState);
        HBox.setHgrow(trainingState, javafx.scene.layout.Priority.ALWAYS);
        HBox actions = new HBox(16, back, exit);
        // A row of its own: beside back and exit it ran past a portrait screen's edge in large type.
        HBox trainingRow = new HBox(16, training, trainingState);
        trainingRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        trainingState.setMinWidth(0);
        root.getChildren().addAll(Controls.label(i18n, "maintenance.title", "title"), pane, actions, trainingRow);
    }

    private static Tab tab(I18n i18n, String key, String id, Node content) {
        Tab tab = new Tab();
        tab.textProperty().bind(i18n.bind(key));
        tab.setId(id);
        tab.setContent(content);
        return tab;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void onShow() {
        model.refresh();
        tabs.refresh();
    }
}
