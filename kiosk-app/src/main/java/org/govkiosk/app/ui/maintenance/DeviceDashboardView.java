package org.govkiosk.app.ui.maintenance;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.maintenance.DeviceCounts;
import org.govkiosk.app.ui.shell.Controls;

/** The device table of maintenance mode: one row per device, a self-test button at its end. */
final class DeviceDashboardView {

    private final ScrollPane root;

    DeviceDashboardView(DeviceDashboardViewModel model, MaintenanceViewModel maintenance, I18n i18n) {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(6);
        grid.addRow(0, Controls.label(i18n, "maintenance.device", "field-label"),
                Controls.label(i18n, "maintenance.status", "field-label"),
                Controls.label(i18n, "maintenance.detail", "field-label"),
                Controls.label(i18n, "maintenance.last-failure", "field-label"),
                Controls.label(i18n, "maintenance.last-error", "field-label"),
                Controls.label(i18n, "maintenance.counters", "field-label"),
                Controls.label(i18n, "maintenance.selftest", "field-label"));
        int row = 1;
        for (DeviceDashboardViewModel.Line line : model.lines()) {
            var device = line.row();
            String id = device.deviceId();
            Label status = new Label();
            status.setId("maintenance-status-" + id);
            status.textProperty().bind(Bindings.createStringBinding(
                    () -> device.status().status().name(), device.statusProperty()));
            Label detail = new Label();
            detail.textProperty().bind(i18n.bindKey(Bindings.createStringBinding(
                    () -> device.status().detail().messageKey(), device.statusProperty())));
            Label failure = new Label();
            failure.textProperty().bind(Bindings.createStringBinding(
                    () -> maintenance.lastFailure(id), device.statusProperty()));
            Label lastError = new Label();
            lastError.setId("maintenance-last-error-" + id);
            lastError.textProperty().bind(Bindings.createStringBinding(
                    () -> model.lastError(line.countsProperty().get()), line.countsProperty(), i18n.localeProperty()));
            Label counts = new Label();
            counts.setId("maintenance-counts-" + id);
            counts.textProperty().bind(Bindings.createStringBinding(() -> {
                DeviceCounts c = line.countsProperty().get();
                return i18n.text("maintenance.counts", c.cardsRead(), c.codesScanned(), c.printed(), c.paperChanges(),
                        c.errors());
            }, line.countsProperty(), i18n.localeProperty()));
            Button test = Controls.button(i18n, "maintenance.selftest.run", "secondary-button",
                    () -> model.selfTest(id));
            test.setId("selftest-" + id);
            test.disableProperty().bind(line.testingProperty());
            Label result = new Label();
            result.setId("selftest-result-" + id);
            result.textProperty().bind(line.selfTestProperty());
            result.setWrapText(true);
            result.setMaxWidth(320);
            grid.addRow(row++, new Label(id), status, detail, failure, lastError, counts, test, result);
        }
        root = new ScrollPane(grid);
        root.setFitToWidth(true);
    }

    Node view() {
        return root;
    }
}
