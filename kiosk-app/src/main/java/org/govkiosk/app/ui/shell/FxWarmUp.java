package org.govkiosk.app.ui.shell;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What the JavaFX thread would otherwise do while it builds the first screen, done while it waits for the
 * terminal's services to start on the other core: the terminal's stylesheet parsed, the controls' classes and skins
 * loaded, the Chinese font looked up and text laid out, in a scene of the kinds of nodes the shell and the attract
 * screen are made of. Nothing of it is shown; the scene is kept until the real one is built, so its stylesheet stays
 * in JavaFX's cache.
 */
public final class FxWarmUp {

    private FxWarmUp() {
    }

    /** Builds and lays out the warm-up scene; call on the JavaFX thread and keep the result until the real scene. */
    public static Scene scene() {
        Label title = new Label("政务服务中心 欢迎使用 Welcome 0123456789");
        title.getStyleClass().add("title");
        Label hint = new Label("请放置身份证 Place your ID card");
        hint.getStyleClass().add("hint");
        Button primary = new Button("开始办理");
        primary.getStyleClass().add("primary-button");
        Button bar = new Button("长辈模式");
        bar.getStyleClass().add("bar-button");
        HBox top = new HBox(new Label("政务服务中心"), bar);
        top.getStyleClass().add("top-bar");
        HBox bottom = new HBox(new Button("返回"));
        bottom.getStyleClass().add("bottom-bar");
        VBox screen = new VBox(title, hint, primary, new FlowPane(new Label("正常")), new GridPane());
        screen.getStyleClass().add("screen");
        StackPane content = new StackPane(new ScrollPane(screen));
        content.getStyleClass().add("content");
        BorderPane root = new BorderPane(content, top, null, bottom, null);
        root.getStyleClass().add("shell");
        root.getStylesheets().add(FxWarmUp.class.getResource("/org/govkiosk/app/ui/kiosk.css").toExternalForm());
        Scene scene = new Scene(root, 1280, 1024);
        root.applyCss();
        root.layout();
        return scene;
    }
}
