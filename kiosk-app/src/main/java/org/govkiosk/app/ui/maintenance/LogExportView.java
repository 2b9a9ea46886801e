package org.govkiosk.app.ui.maintenance;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.shell.Controls;

/** The log export tab: the mounted media, and an export button. */
final class LogExportView {

    private final VBox root = new VBox(10);

    LogExportView(LogExportViewModel model, I18n i18n) {
        ListView<Path> media = new ListView<>(model.mounted());
        media.setId("export-media");
        media.setPrefHeight(140);
        model.mounted().addListener((javafx.collections.ListChangeListener<Path>) c -> {
            if (media.getSelectionModel().isEmpty() && !model.mounted().isEmpty()) {
                media.getSelectionModel().selectFirst();
            }
        });
        var export = Controls.button(i18n, "maintenance.export.run", "primary-button",
                () -> model.exportTo(media.getSelectionModel().getSelectedItem()));
        export.setId("export-run");
        export.disableProperty().bind(model.busyProperty());
        var refresh = Controls.button(i18n, "maintenance.refresh", "secondary-button", model::refresh);
        Label message = new Label();
        message.setId("export-message");
        Controls.wrap(message);
        message.textProperty().bind(model.messageProperty());
        root.getChildren().addAll(Controls.label(i18n, "maintenance.export.media", "subtitle"), media,
                new HBox(12, export, refresh), message);
    }

    Node view() {
        return root;
    }
}
