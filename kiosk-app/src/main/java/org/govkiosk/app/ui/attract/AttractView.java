package org.govkiosk.app.ui.attract;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
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
        org.govkiosk.app.ui.HallName.show(hall, model.hallNameInAnyLanguage(), i18n, 0.8, 8);
        hall.getStyleClass().add("subtitle");
        Controls.wrap(hall); // an English hall name is long; large type must not cut it
        hall.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        var start = Controls.button(i18n, "attract.start", "primary-button", model::start);
        start.setId("start");
        start.setDefaultButton(true);

        FlowPane devices = new FlowPane(16, 8);
        devices.setId("device-strip");
        devices.setAlignment(Pos.CENTER);
        for (AttractViewModel.Kind kind : model.kinds()) {
            Label line = new Label();
            line.setId("device-" + kind.family().configName());
            line.textProperty().bind(javafx.beans.binding.Bindings.concat(
                    i18n.bind("device.family." + kind.family().configName()), " · ",
                    javafx.beans.binding.Bindings.when(kind.usable()).then(i18n.bind("device.status.online"))
                            .otherwise(i18n.bind("device.status.offline"))));
            line.getStyleClass().add("device-status");
            kind.usable().addListener((obs, old, now) -> styleFor(line, now));
            styleFor(line, kind.usable().get());
            devices.getChildren().add(line);
        }
        VBox farewell = farewell(model, i18n);
        Label summary = new Label();
        summary.textProperty().bind(javafx.beans.binding.Bindings.when(model.allDevicesUsable())
                .then(i18n.bind("attract.devices-ok")).otherwise(i18n.bind("attract.devices-limited")));
        summary.getStyleClass().add("hint");
        root.getChildren().addAll(farewell, title, hall, start, summary, devices);
    }

    /** 请取走您的身份证、回执和材料, and the same in the language the citizen used when it was another. */
    private static VBox farewell(AttractViewModel model, I18n i18n) {
        Label take = Controls.wrap(Controls.label(i18n, "attract.farewell.take", "farewell-title"));
        take.setId("farewell-take");
        Label thanks = Controls.wrap(Controls.label(i18n, "attract.farewell.thanks", "subtitle"));
        Label theirs = Controls.wrap(new Label());
        theirs.setId("farewell-take-citizen");
        theirs.getStyleClass().add("farewell-title");
        theirs.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var used = model.citizenLocaleProperty().get();
            return used == null || used.equals(i18n.locale()) ? "" : I18n.format(used, "attract.farewell.take");
        }, model.citizenLocaleProperty(), i18n.localeProperty()));
        theirs.visibleProperty().bind(theirs.textProperty().isNotEmpty());
        theirs.managedProperty().bind(theirs.visibleProperty());
        for (Label l : new Label[] {take, theirs, thanks}) {
            l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        }
        VBox box = new VBox(12, take, theirs, thanks);
        box.setId("farewell");
        box.getStyleClass().add("farewell");
        box.setAlignment(Pos.CENTER);
        box.visibleProperty().bind(model.farewellProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
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
