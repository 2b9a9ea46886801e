package org.govkiosk.app.ui.shell;

import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.session.SessionManager;

/** The frame around every screen: top bar, content, bottom bar, and the idle warning on top. */
public final class ShellView {

    static final String ELDER_CLASS = "elder";
    static final String RTL_CLASS = "rtl";
    /** On the shell while the screen is bilingual Mongolian + Chinese (kiosk.css lets tiles grow for the columns). */
    static final String MONGOLIAN_CLASS = "mongolian";

    private final BorderPane frame = new BorderPane();
    private final StackPane root = new StackPane();
    private final Timeline ticker;

    /**
     * @param hallName the hall's name in a language (terminal.yaml's hall-name, English where it gives one)
     * @param keyboard the on-screen keyboard, laid over the bottom of the screen above the bottom bar
     */
    public ShellView(ShellViewModel model, VoiceViewModel voice, SessionManager sessions, I18n i18n,
            java.util.function.Function<java.util.Locale, String> hallName, StackPane content, Node keyboard) {
        root.setId("shell");
        // Uyghur reads right to left: the whole shell mirrors (reading order, back and next, lists, progress);
        // numbers, ID and phone numbers and codes keep left to right where they are shown (see Controls.leftToRight).
        root.nodeOrientationProperty().bind(Bindings.createObjectBinding(
                () -> I18n.isRightToLeft(i18n.locale()) ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT,
                i18n.localeProperty()));
        // ... and is set in a font that has the Uyghur letters (Debian: fonts-ukij-uyghur), see kiosk.css.
        i18n.localeProperty().addListener((obs, was, now) -> applyRightToLeft(I18n.isRightToLeft(now)));
        applyRightToLeft(I18n.isRightToLeft(i18n.locale()));
        i18n.localeProperty().addListener((obs, was, now) -> applyMongolian(I18n.isVerticalMongolian(now)));
        applyMongolian(I18n.isVerticalMongolian(i18n.locale()));
        root.getStylesheets().add(ShellView.class.getResource("/org/govkiosk/app/ui/kiosk.css").toExternalForm());
        root.getStyleClass().add("shell");

        Label hall = new Label();
        // On a Mongolian screen the name's Mongolian stands beside it, in short columns (the bar keeps its height),
        // where the bar has room for its columns beside the buttons: not on a portrait screen in large type.
        javafx.beans.property.BooleanProperty hallRoom = new javafx.beans.property.SimpleBooleanProperty(true);
        org.govkiosk.app.ui.HallName.show(hall, hallName, i18n, HALL_MONGOLIAN_SCALE, HALL_MONGOLIAN_COLUMN,
                hallRoom);
        hall.setId("hall-name");
        hall.getStyleClass().add("hall-name");
        hall.setOnMouseClicked(e -> model.hallNameTapped());
        // The hall's name gives way to the buttons: it wraps onto a second line rather than push them off or be cut.
        Controls.wrap(hall);
        hall.setMinWidth(0);
        hall.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(hall, Priority.ALWAYS);
        // The switch names the language it leads to, in that language (中文, English, ئۇيغۇرچە): a citizen who
        // cannot read the current one still finds their own.
        Button lang = new Button();
        lang.getStyleClass().add("bar-button");
        // Mongolian is named in its own script, written vertically (ᠮᠣᠩᠭᠣᠯ), as the switch's graphic.
        lang.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.isVerticalMongolian(i18n.following()) ? ""
                        : I18n.format(i18n.following(), "shell.language-name"), i18n.localeProperty()));
        Controls.mongolian(lang, Bindings.createStringBinding(() -> I18n.isVerticalMongolian(i18n.following())
                ? I18n.mongolian("shell.language-name") : "", i18n.localeProperty()));
        lang.setGraphicTextGap(0);
        lang.setOnAction(e -> model.switchLanguage());
        Controls.fitText(lang);
        lang.setId("lang-switch");
        Button elder = new Button();
        elder.setId("elder-switch");
        elder.getStyleClass().add("bar-button");
        elder.textProperty().bind(Bindings.when(model.elderModeProperty())
                .then(i18n.bind("shell.elder-off")).otherwise(i18n.bind("shell.elder-on")));
        elder.setOnAction(e -> model.toggleElderMode());
        Controls.fitText(elder);
        Button help = Controls.button(i18n, "shell.help", "bar-button", model::openHelp);
        help.setId("help");
        help.visibleProperty().bind(model.inCitizenScreen());
        help.managedProperty().bind(help.visibleProperty());
        // 语音播报 beside the large type switch, on every citizen screen; its volume, only while it speaks, in the
        // bottom bar's corner: the top bar has no room for both in large type on a portrait screen.
        Button speak = new Button();
        speak.setId("voice-switch");
        speak.getStyleClass().add("bar-button");
        speak.textProperty().bind(voice.toggleText());
        speak.setOnAction(e -> voice.toggle());
        speak.visibleProperty().bind(model.inCitizenScreen());
        speak.managedProperty().bind(speak.visibleProperty());
        Controls.fitText(speak);
        Button volume = new Button();
        volume.setId("voice-volume");
        volume.getStyleClass().add("bar-button");
        volume.textProperty().bind(voice.volumeText());
        volume.setOnAction(e -> voice.nextVolume());
        volume.visibleProperty().bind(model.inCitizenScreen().and(voice.enabledProperty()));
        volume.managedProperty().bind(volume.visibleProperty());
        Controls.fitText(volume);
        HBox top = new HBox(16, hall, help, lang, elder, speak);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("top-bar");
        Runnable room = () -> hallRoom.set(roomForMongolian(top, hall, hallName, i18n.locale()));
        top.widthProperty().addListener((obs, was, now) -> room.run());
        for (Node button : List.of(help, lang, elder, speak)) {
            button.layoutBoundsProperty().addListener((obs, was, now) -> room.run());
        }
        hall.fontProperty().addListener((obs, was, now) -> room.run());
        i18n.localeProperty().addListener((obs, was, now) -> room.run());

        Button back = Controls.button(i18n, "shell.back", "bar-button", model::back);
        back.setId("back");
        Button finish = Controls.button(i18n, "shell.finish", "bar-button", model::finish);
        finish.setId("finish");
        HBox journey = new HBox(16, back, finish);
        journey.setAlignment(Pos.CENTER);
        journey.setPickOnBounds(false);
        // Back and finish stay centred whether or not the volume shows: it lies over the bar's right end.
        StackPane bottom = new StackPane(journey, volume);
        StackPane.setAlignment(volume, Pos.CENTER_RIGHT);
        bottom.getStyleClass().add("bottom-bar");
        bottom.visibleProperty().bind(model.inCitizenScreen());
        bottom.managedProperty().bind(bottom.visibleProperty());

        content.getStyleClass().add("content");
        // 培训模式: a band under the top bar on every screen, the attract screen too, while the terminal is in
        // training; it takes its own room (the screen below moves down once, when a technician switches).
        Label training = new Label();
        training.setId("training-banner");
        training.getStyleClass().add("training-banner");
        training.textProperty().bind(i18n.bind("shell.training-banner"));
        training.setMaxWidth(Double.MAX_VALUE);
        training.setAlignment(Pos.CENTER);
        Controls.wrap(training);
        training.visibleProperty().bind(model.trainingProperty());
        training.managedProperty().bind(training.visibleProperty());
        frame.setTop(new VBox(top, training));
        // The bars stay on screen whatever a screen needs: one taller than the space left (large type on a small
        // screen) scrolls, by swiping or the bar, instead of pushing 返回 and 结束办理 off the bottom.
        ScrollPane page = new ScrollPane(content);
        page.setId("page");
        page.getStyleClass().add("page");
        page.setFitToWidth(true);
        page.setFitToHeight(true);
        page.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        page.setMinHeight(0);
        frame.setCenter(page);
        frame.setBottom(bottom);

        VBox warning = new VBox(24);
        warning.setId("idle-warning");
        warning.getStyleClass().add("idle-warning");
        warning.setAlignment(Pos.CENTER);
        Label countdown = new Label();
        countdown.setId("idle-countdown");
        countdown.getStyleClass().add("title");
        // In large type on a portrait screen the sentence is wider than the screen: it wraps rather than end in "…".
        Controls.wrap(countdown);
        countdown.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        countdown.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.text("session.warning", sessions.secondsLeftProperty().get()),
                SessionFx.property(sessions.secondsLeftProperty()), i18n.localeProperty()));
        Button stay = Controls.button(i18n, "session.continue", "primary-button", sessions::touch);
        stay.setId("idle-continue");
        warning.getChildren().addAll(countdown, stay);
        warning.visibleProperty().bind(
                SessionFx.property(sessions.stateProperty()).isEqualTo(SessionManager.State.WARNING));

        StackPane.setAlignment(keyboard, Pos.BOTTOM_CENTER);
        // Docked over the content, just above the bottom bar (back and finish stay in reach while typing).
        Runnable dock = () -> StackPane.setMargin(keyboard,
                new Insets(0, 0, bottom.isVisible() ? bottom.getHeight() : 0, 0));
        bottom.heightProperty().addListener((obs, was, now) -> dock.run());
        bottom.visibleProperty().addListener((obs, was, now) -> dock.run());
        dock.run();
        root.getChildren().addAll(frame, keyboard, helpPanel(model, i18n), warning);
        model.elderModeProperty().addListener((obs, old, on) -> applyElder(on));
        applyElder(model.elderModeProperty().get());

        ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> sessions.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    /** The hall's Mongolian in the top bar: its type size against the name's, and its column length in ems. */
    static final double HALL_MONGOLIAN_SCALE = 0.8;
    static final double HALL_MONGOLIAN_COLUMN = 5;

    /**
     * Whether the top bar has room for the hall's Mongolian columns and four characters of its Chinese beside the
     * buttons (measured from the bar's width and the buttons', neither of which the name changes).
     */
    private static boolean roomForMongolian(HBox top, Label hall, java.util.function.Function<java.util.Locale,
            String> hallName, java.util.Locale locale) {
        String mongolian = org.govkiosk.app.ui.HallName.mongolianOf(hallName, locale);
        if (mongolian.isEmpty() || top.getWidth() <= 0) {
            return true;
        }
        VerticalMongolianText probe = new VerticalMongolianText();
        probe.columnLengthProperty().set(HALL_MONGOLIAN_COLUMN);
        probe.fontSizeProperty().set(hall.getFont().getSize() * HALL_MONGOLIAN_SCALE);
        probe.setText(mongolian);
        double free = top.getWidth() - top.snappedLeftInset() - top.snappedRightInset();
        for (Node child : top.getChildren()) {
            if (child != hall && child.isManaged()) {
                free -= child.prefWidth(-1) + top.getSpacing();
            }
        }
        return probe.prefWidth(-1) + hall.getGraphicTextGap() + 4 * hall.getFont().getSize() <= free;
    }

    /** The current screen's help over it; one tap anywhere on it closes it. Sized by the shell's (elder) font. */
    private static VBox helpPanel(ShellViewModel model, I18n i18n) {
        Label title = Controls.label(i18n, "shell.help.title", "title");
        Label text = new Label();
        text.setId("help-text");
        text.getStyleClass().addAll("help-text", "subtitle");
        Controls.wrap(text);
        text.textProperty().bind(i18n.bindKey(model.helpKey()));
        Button close = Controls.button(i18n, "shell.help.close", "primary-button", model::closeHelp);
        close.setId("help-close");
        VBox panel = new VBox(24, title, text, close);
        panel.setId("help-panel");
        panel.getStyleClass().add("help-panel");
        panel.setAlignment(Pos.CENTER);
        panel.setOnMouseClicked(e -> model.closeHelp());
        panel.visibleProperty().bind(model.helpOpenProperty());
        return panel;
    }

    private void applyRightToLeft(boolean on) {
        root.getStyleClass().remove(RTL_CLASS);
        if (on) {
            root.getStyleClass().add(RTL_CLASS);
        }
    }

    private void applyMongolian(boolean on) {
        root.getStyleClass().remove(MONGOLIAN_CLASS);
        if (on) {
            root.getStyleClass().add(MONGOLIAN_CLASS);
        }
    }

    private void applyElder(boolean on) {
        root.getStyleClass().remove(ELDER_CLASS);
        if (on) {
            root.getStyleClass().add(ELDER_CLASS);
        }
    }

    public Parent root() {
        return root;
    }

    /** Wires a scene to the session: any input counts as presence; starts the idle clock. */
    public void attach(Scene scene, ShellViewModel model, VoiceViewModel voice, SessionManager sessions) {
        // Read the screen: in large type with speech on, the control the focus moves to (by key or touch) is said.
        scene.focusOwnerProperty().addListener((obs, was, now) -> voice.focusMoved(FocusText.of(now)));
        // Text takes no focus: in read-the-screen mode a touch on a label says it too.
        scene.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> FocusText.label(e.getPickResult().getIntersectedNode())
                .ifPresent(voice::focusMoved));
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> sessions.touch());
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, e -> sessions.touch());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> sessions.touch());
        scene.getAccelerators().put(KeyCombination.keyCombination("Ctrl+Shift+F12"), model::openMaintenance);
        // No way out of the kiosk by keyboard: Alt+F4 is refused at the stage, Escape does not leave full screen.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F4 && e.isAltDown()) {
                e.consume();
            }
        });
        ticker.play();
    }

    public void stop() {
        ticker.stop();
    }
}
