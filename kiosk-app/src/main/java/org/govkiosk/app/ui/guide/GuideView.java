package org.govkiosk.app.ui.guide;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.shell.Controls;
import org.govkiosk.app.ui.shell.RightToLeftLines;

/** One item's 办事指南: every element in a readable, scrolling column; print it, apply, or go back. */
public final class GuideView implements Screen {

    private final VBox root = new VBox(16);
    private final VBox sections = new VBox(20);
    private final GuideViewModel model;

    public GuideView(GuideViewModel model, I18n i18n) {
        this.model = model;
        root.setId("guide");
        root.getStyleClass().add("screen");
        root.getStylesheets().add(GuideView.class.getResource("guide-view.css").toExternalForm());
        root.setAlignment(Pos.TOP_CENTER);

        Label title = new Label();
        title.setId("guide-title");
        title.getStyleClass().add("title");
        Controls.wrap(title);
        title.textProperty().bind(model.title());

        ScrollPane scroll = new ScrollPane(sections);
        scroll.setId("guide-sections");
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        model.sections().addListener((ListChangeListener<GuideSection>) c -> {
            showSections();
            scroll.setVvalue(0);
        });
        showSections();

        Label status = new Label();
        status.setId("guide-print-status");
        status.getStyleClass().add("hint");
        status.textProperty().bind(i18n.bindKey(model.printStatusKeyProperty()));

        Button print = Controls.button(i18n, "guide.print", "secondary-button", model::print);
        print.setId("guide-print");
        print.disableProperty().bind(model.canPrint().not());
        Button apply = Controls.button(i18n, "guide.apply", "primary-button", model::apply);
        apply.setId("guide-apply");
        apply.disableProperty().bind(model.itemProperty().isNull());
        // The shell's 返回 is the way back (one 返回 on a screen); the print status sits above the buttons so
        // none moves when it appears.
        HBox buttons = new HBox(24, print, apply);
        buttons.setAlignment(Pos.CENTER);

        root.getChildren().addAll(title, scroll, status, buttons);
    }

    private void showSections() {
        sections.getChildren().clear();
        for (GuideSection s : model.sections()) {
            Label heading = new Label(s.heading());
            heading.getStyleClass().add("subtitle");
            Controls.wrap(heading);
            VBox box = new VBox(6, heading);
            box.setId("guide-section-" + s.id());
            box.getStyleClass().add("guide-section");
            for (String line : s.lines()) {
                Label l = new Label();
                l.getStyleClass().add("guide-line");
                // A Uyghur line with a Chinese-only text in it is broken into lines here (JavaFX cuts it).
                RightToLeftLines.set(l, line);
                box.getChildren().add(l);
            }
            sections.getChildren().add(box);
        }
    }

    @Override
    public Node view() {
        return root;
    }
}
