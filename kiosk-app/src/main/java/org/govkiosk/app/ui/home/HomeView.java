package org.govkiosk.app.ui.home;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.Navigator;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.shell.Controls;

/**
 * The citizen's menu. Services this terminal cannot offer yet are shown, greyed, with "not yet available", so a
 * citizen sees at once what to do here and what at a window.
 */
public final class HomeView implements Screen {

    private final VBox root = new VBox(24);

    /** @param onQuery the progress query (办件查询) */
    public HomeView(Navigator navigator, I18n i18n, Runnable onQuery) {
        root.setId("home");
        root.getStyleClass().add("screen");
        root.setAlignment(Pos.TOP_CENTER);
        TilePane tiles = new TilePane(24, 24);
        tiles.setAlignment(Pos.CENTER);
        tiles.setPrefColumns(3);
        Button identify = Controls.button(i18n, "home.identify", "tile", () -> navigator.go(ScreenId.IDENTIFY));
        identify.setId("tile-identify");
        tiles.getChildren().add(identify);
        // Applying starts from the item's guide, so both tiles open the catalog.
        Button guide = Controls.button(i18n, "home.guide", "tile", () -> navigator.go(ScreenId.CATALOG));
        guide.setId("tile-guide");
        Button apply = Controls.button(i18n, "home.apply", "tile", () -> navigator.go(ScreenId.CATALOG));
        apply.setId("tile-apply");
        Button query = Controls.button(i18n, "home.query", "tile", onQuery);
        query.setId("tile-query");
        // Certificates ready for self-printing are found by the same query (by case number, receipt QR or ID card).
        Button print = Controls.button(i18n, "home.print", "tile", onQuery);
        print.setId("tile-print");
        tiles.getChildren().addAll(guide, apply, query, print);
        for (String key : new String[] {"home.rate"}) {
            Button tile = Controls.button(i18n, key, "tile", () -> { });
            tile.setDisable(true);
            tile.textProperty().unbind();
            tile.textProperty().bind(javafx.beans.binding.Bindings.concat(i18n.bind(key), "\n",
                    i18n.bind("home.not-yet")));
            tiles.getChildren().add(tile);
        }
        root.getChildren().addAll(Controls.label(i18n, "home.title", "title"), tiles);
    }

    @Override
    public Node view() {
        return root;
    }
}
