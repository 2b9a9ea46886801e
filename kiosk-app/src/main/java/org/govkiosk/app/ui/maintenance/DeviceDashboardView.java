package org.govkiosk.app.ui.maintenance;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import java.util.Locale;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.maintenance.DeviceCounts;
import org.govkiosk.app.ui.shell.Controls;

/** The devices of maintenance mode: one card per device, a self-test button at its end. */
final class DeviceDashboardView {

    private final ScrollPane root;

    DeviceDashboardView(DeviceDashboardViewModel model, MaintenanceViewModel maintenance, I18n i18n) {
        // One card per device whose lines wrap: a technician reads it on a portrait screen and in large type too.
        VBox cards = new VBox(12);
        for (DeviceDashboardViewModel.Line line : model.lines()) {
            var device = line.row();
            String id = device.deviceId();
            Label name = new Label(id);
            name.getStyleClass().add("field-label");
            name.setMinWidth(Region.USE_PREF_SIZE);
            // The status in words (正常, 暂不可用 ...); its code stays in the id for tools and tests.
            Label status = field(i18n, "maintenance.status", Bindings.createStringBinding(
                    () -> i18n.text("device.status." + device.status().status().name().toLowerCase(Locale.ROOT)),
                    device.statusProperty(), i18n.localeProperty()));
            status.setId("maintenance-status-" + id);
            Label detail = field(i18n, "maintenance.detail", Bindings.createStringBinding(
                    () -> i18n.text(device.status().detail().messageKey()), device.statusProperty(),
                    i18n.localeProperty()));
            Label failure = field(i18n, "maintenance.last-failure", Bindings.createStringBinding(
                    () -> maintenance.lastFailure(id), device.statusProperty(), i18n.localeProperty()));
            Label lastError = field(i18n, "maintenance.last-error", Bindings.createStringBinding(
                    () -> model.lastError(line.countsProperty().get()), line.countsProperty(), i18n.localeProperty()));
            lastError.setId("maintenance-last-error-" + id);
            Label counts = field(i18n, "maintenance.counters", Bindings.createStringBinding(() -> {
                DeviceCounts c = line.countsProperty().get();
                return i18n.text("maintenance.counts", c.cardsRead(), c.codesScanned(), c.printed(), c.paperChanges(),
                        c.errors());
            }, line.countsProperty(), i18n.localeProperty()));
            counts.setId("maintenance-counts-" + id);
            Button test = Controls.button(i18n, "maintenance.selftest.run", "secondary-button",
                    () -> model.selfTest(id));
            test.setId("selftest-" + id);
            test.disableProperty().bind(line.testingProperty());
            Label result = new Label();
            result.setId("selftest-result-" + id);
            result.textProperty().bind(line.selfTestProperty());
            Controls.wrap(result);
            result.visibleProperty().bind(result.textProperty().isNotEmpty());
            result.managedProperty().bind(result.visibleProperty());
            FlowPane head = new FlowPane(16, 4, name, status, detail, failure, lastError);
            VBox text = new VBox(4, head, counts, result);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            HBox card = new HBox(16, text, test);
            card.setId("maintenance-device-" + id);
            card.getStyleClass().add("device-card");
            cards.getChildren().add(card);
        }
        root = new ScrollPane(cards);
        root.setFitToWidth(true);
    }

    /** "LABEL：value", wrapping, never cut after a line. */
    private static Label field(I18n i18n, String labelKey, javafx.beans.value.ObservableStringValue value) {
        Label l = new Label();
        l.textProperty().bind(Bindings.createStringBinding(() -> i18n.text("maintenance.field",
                i18n.text(labelKey), value.get()), value, i18n.localeProperty()));
        Controls.wrap(l);
        return l;
    }

    Node view() {
        return root;
    }
}
