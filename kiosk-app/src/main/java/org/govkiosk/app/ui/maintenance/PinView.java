package org.govkiosk.app.ui.maintenance;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.shell.Controls;

/** A PIN pad on screen: terminals have no keyboard. */
public final class PinView implements Screen {

    private final VBox root = new VBox(20);
    private final PinViewModel model;

    public PinView(PinViewModel model, I18n i18n) {
        this.model = model;
        root.setId("pin");
        root.getStyleClass().add("screen");
        root.setAlignment(Pos.CENTER);
        Label dots = new Label();
        dots.setId("pin-dots");
        dots.textProperty().bind(model.dotsProperty());
        dots.getStyleClass().add("pin-dots");
        Label message = new Label();
        message.setId("pin-message");
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add("error");
        GridPane pad = new GridPane();
        pad.setHgap(12);
        pad.setVgap(12);
        pad.setAlignment(Pos.CENTER);
        for (int i = 1; i <= 9; i++) {
            pad.add(key((char) ('0' + i)), (i - 1) % 3, (i - 1) / 3);
        }
        Button clear = Controls.button(i18n, "pin.clear", "pin-key", model::clear);
        Button ok = Controls.button(i18n, "pin.ok", "pin-key", model::submit);
        ok.setId("pin-ok");
        pad.add(clear, 0, 3);
        pad.add(key('0'), 1, 3);
        pad.add(ok, 2, 3);
        Button cancel = Controls.button(i18n, "pin.cancel", "secondary-button", model::cancel);
        root.getChildren().addAll(Controls.label(i18n, "pin.title", "title"), dots, pad, message, cancel);
    }

    private Button key(char digit) {
        Button b = new Button(String.valueOf(digit));
        b.setId("pin-" + digit);
        b.getStyleClass().add("pin-key");
        b.setOnAction(e -> model.digit(digit));
        return b;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void onHide() {
        model.clear();
    }
}
