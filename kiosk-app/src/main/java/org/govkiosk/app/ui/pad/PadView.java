package org.govkiosk.app.ui.pad;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.shell.Controls;

/**
 * Rating-pad mode's idle screen at a window: who serves here. Rating requests from the hall's rating service
 * arrive with the rating work (好差评).
 */
public final class PadView implements Screen {

    private final VBox root = new VBox(24);

    public PadView(I18n i18n, String hallName, String windowName) {
        root.setId("pad");
        root.getStyleClass().add("screen");
        root.setAlignment(Pos.CENTER);
        Label window = new Label(windowName == null ? "" : windowName);
        window.getStyleClass().add("subtitle");
        Label hall = new Label(hallName);
        hall.getStyleClass().add("hint");
        root.getChildren().addAll(Controls.label(i18n, "pad.welcome", "title"), window, hall,
                Controls.label(i18n, "pad.waiting", "hint"));
    }

    @Override
    public Node view() {
        return root;
    }
}
