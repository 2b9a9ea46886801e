package org.govkiosk.app.ui.maintenance;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.shell.Controls;

/** The config reload tab. */
final class ConfigReloadView {

    private final VBox root = new VBox(10);

    ConfigReloadView(ConfigReloadViewModel model, I18n i18n) {
        var reload = Controls.button(i18n, "maintenance.config.reload", "primary-button", model::reload);
        reload.setId("config-reload");
        Label message = new Label();
        message.setId("config-message");
        Controls.wrap(message);
        message.textProperty().bind(model.messageProperty());
        ListView<String> problems = new ListView<>(model.problems());
        problems.setId("config-problems");
        problems.setPrefHeight(260);
        root.getChildren().addAll(new Label(model.liveSections()), reload, message, problems);
    }

    Node view() {
        return root;
    }
}
