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

    /**
     * @param onGuide the catalog for 办事指南
     * @param onApply the catalog for 我要申报
     * @param onQuery the progress query (办件查询)
     * @param onPrint the progress query for 证明打印
     */
    public HomeView(Navigator navigator, I18n i18n, Runnable onGuide, Runnable onApply, Runnable onQuery,
            Runnable onPrint) {
        root.setId("home");
        root.getStyleClass().add("screen");
        root.setAlignment(Pos.TOP_CENTER);
        TilePane tiles = new TilePane(24, 24);
        tiles.setAlignment(Pos.CENTER);
        tiles.setPrefColumns(3);
        Button identify = Controls.button(i18n, "home.identify", "tile", () -> navigator.go(ScreenId.IDENTIFY));
        identify.setId("tile-identify");
        tiles.getChildren().add(identify);
        // Both open the catalog: 办事指南 to read an item's guide, 我要申报 to apply straight away.
        Button guide = Controls.button(i18n, "home.guide", "tile", onGuide);
        guide.setId("tile-guide");
        Button apply = Controls.button(i18n, "home.apply", "tile", onApply);
        apply.setId("tile-apply");
        Button query = Controls.button(i18n, "home.query", "tile", onQuery);
        query.setId("tile-query");
        // Certificates ready for self-printing are found by the same query (by case number, receipt QR or ID card).
        Button print = Controls.button(i18n, "home.print", "tile", onPrint);
        print.setId("tile-print");
        tiles.getChildren().addAll(guide, apply, query, print);
        // 好差评 is offered where there is something to rate: after a journey, and for a finished case found by the
        // progress query; a home tile that cannot be used is not shown.
        root.getChildren().addAll(Controls.label(i18n, "home.title", "title"), tiles);
    }

    @Override
    public Node view() {
        return root;
    }
}
