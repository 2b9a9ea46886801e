package org.govkiosk.app.ui.maintenance;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.maintenance.OutboxOverview;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.ui.shell.Controls;

/** The outbox tab: depth and age, counts per kind, dead letters with a retry. */
final class OutboxAdminView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final VBox root = new VBox(10);

    OutboxAdminView(OutboxAdminViewModel model, I18n i18n) {
        Label summary = new Label();
        summary.setId("outbox-summary");
        summary.textProperty().bind(model.summaryProperty());
        VBox counts = new VBox(4);
        for (EntryKind kind : EntryKind.values()) {
            Label line = new Label();
            line.setId("outbox-counts-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            line.textProperty().bind(Bindings.createStringBinding(() -> model.countsLine(kind),
                    model.overviewProperty(), i18n.localeProperty()));
            counts.getChildren().add(line);
        }
        ListView<OutboxOverview.DeadLetter> dead = new ListView<>(model.deadLetters());
        dead.setId("outbox-dead-letters");
        dead.setPrefHeight(220);
        dead.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(OutboxOverview.DeadLetter d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : d.kind() + "  " + d.reference() + "  " + WHEN.format(d.createdAt())
                        + "  ×" + d.attempts() + "  " + d.lastError());
            }
        });
        var retry = Controls.button(i18n, "maintenance.outbox.retry", "primary-button",
                () -> model.retry(dead.getSelectionModel().getSelectedItem()));
        retry.setId("outbox-retry");
        retry.disableProperty().bind(dead.getSelectionModel().selectedItemProperty().isNull());
        var refresh = Controls.button(i18n, "maintenance.refresh", "secondary-button", model::refresh);
        Label message = new Label();
        message.setId("outbox-message");
        message.textProperty().bind(model.messageProperty());
        root.getChildren().addAll(summary, counts, Controls.label(i18n, "maintenance.outbox.dead", "subtitle"), dead,
                new HBox(12, retry, refresh), message);
    }

    Node view() {
        return root;
    }
}
