package org.govkiosk.app.ui.pad;

import java.util.Locale;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.govkiosk.api.RatingRequestEvent;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.keyboard.KeyboardLayout;
import org.govkiosk.app.ui.CatalogTexts;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.shell.Controls;

/**
 * Rating-pad mode at a window: idle (who serves here) until the window asks for a rating; then the item, the
 * clerk with a photo placeholder and the five levels; for a bad level the reasons and a comment; then thanks.
 */
public final class PadView implements Screen {

    private final VBox root = new VBox(24);
    private final PadViewModel model;
    private final Timeline clock;

    /** The idle screen alone, for a pad whose connection is not wired (yet). */
    public PadView(I18n i18n, Function<Locale, String> hallName, String windowName) {
        this(null, i18n, hallName, windowName);
    }

    public PadView(PadViewModel model, I18n i18n, Function<Locale, String> hallName, String windowName) {
        this(model, i18n, hallName, windowName, CatalogTexts.NONE);
    }

    /**
     * @param hallName the hall's name in a language (terminal.yaml's hall-name, English where it gives one)
     * @param catalog  names the item to rate in the UI language (the request names it in Chinese)
     */
    public PadView(PadViewModel model, I18n i18n, Function<Locale, String> hallName, String windowName,
            CatalogTexts catalog) {
        this.model = model;
        root.setId("pad");
        root.getStyleClass().add("screen");
        root.setAlignment(Pos.CENTER);
        VBox welcome = idle(i18n, hallName, windowName);
        javafx.scene.layout.Pane idle = model == null ? welcome : welcomeAndCode(welcome, ratingQr(i18n));
        idle.setId("pad-idle");
        if (model == null) {
            root.getChildren().add(idle);
            clock = null;
            return;
        }
        Label offline = Controls.label(i18n, "pad.offline", "error");
        offline.setId("pad-connection");
        show(offline, model.connectedProperty().not());
        show(idle, stageIs(PadViewModel.Stage.IDLE));
        VBox rating = rating(i18n, catalog);
        show(rating, stageIs(PadViewModel.Stage.RATING).or(stageIs(PadViewModel.Stage.REASONS)));
        Label thanksTitle = Controls.label(i18n, "pad.thanks", "title");
        thanksTitle.setId("pad-thanks");
        // After a bad key on a serial pad whose reasons are given on the phone: where to give them.
        Label thanksNote = new Label();
        thanksNote.setId("pad-thanks-note");
        thanksNote.setWrapText(true);
        thanksNote.getStyleClass().add("subtitle");
        thanksNote.textProperty().bind(Bindings.createStringBinding(() -> model.messageProperty().get()
                .map(i18n::text).orElse(""), i18n.localeProperty(), model.messageProperty()));
        show(thanksNote, model.messageProperty().isNotEqualTo(java.util.Optional.empty()));
        VBox thanks = new VBox(16, thanksTitle, thanksNote);
        thanks.setAlignment(Pos.CENTER);
        show(thanks, stageIs(PadViewModel.Stage.THANKS));
        root.getChildren().addAll(offline, idle, rating, thanks);
        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
    }

    private static VBox idle(I18n i18n, Function<Locale, String> hallName, String windowName) {
        Label window = new Label(windowName == null ? "" : windowName);
        window.getStyleClass().add("subtitle");
        Label hall = new Label();
        org.govkiosk.app.ui.HallName.show(hall, hallName, i18n, 0.8, 8);
        hall.getStyleClass().add("hint");
        Controls.wrap(hall); // an English hall name is long; large type must not cut it
        hall.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        Label welcome = Controls.label(i18n, "pad.welcome", "title");
        welcome.setTextAlignment(javafx.scene.text.TextAlignment.CENTER); // its lines centred, as the rest
        VBox idle = new VBox(24, welcome, window, hall, Controls.label(i18n, "pad.waiting", "hint"));
        idle.setAlignment(Pos.CENTER);
        return idle;
    }

    /**
     * The welcome and the window's rating QR code: beside each other on a landscape screen, the code under the welcome
     * on a portrait one. A bilingual Mongolian welcome in large type is as tall as a landscape screen, and a code cut
     * by the screen's foot is read by no phone.
     */
    private javafx.scene.layout.GridPane welcomeAndCode(VBox welcome, VBox code) {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(48);
        grid.setVgap(24);
        grid.setAlignment(Pos.CENTER);
        grid.add(welcome, 0, 0);
        grid.add(code, 1, 0);
        javafx.scene.layout.GridPane.setHalignment(code, javafx.geometry.HPos.CENTER);
        javafx.scene.layout.GridPane.setHalignment(welcome, javafx.geometry.HPos.CENTER);
        javafx.beans.InvalidationListener arrange = obs -> {
            boolean landscape = root.getWidth() >= root.getHeight();
            javafx.scene.layout.GridPane.setConstraints(code, landscape ? 1 : 0, landscape ? 0 : 1);
        };
        root.widthProperty().addListener(arrange);
        root.heightProperty().addListener(arrange);
        return grid;
    }

    /** The QR code's width on screen: large enough for a phone held at arm's length to read it. */
    static final double QR_PIXELS = 300;

    /**
     * 评价二维码: the window's rating link the platform signed, as a QR code with its quiet zone, and what it is for;
     * nothing while the pad has no valid link (a code that would not work is never shown).
     */
    private VBox ratingQr(I18n i18n) {
        javafx.scene.image.ImageView code = new javafx.scene.image.ImageView();
        code.setId("pad-rating-qr");
        code.setSmooth(false); // sharp module edges
        Label caption = Controls.label(i18n, "pad.qr-caption", "hint");
        caption.setId("pad-rating-qr-caption");
        Controls.wrap(caption);
        caption.setMaxWidth(QR_PIXELS + 60); // wrapped under the code, not wider than it beside the welcome
        caption.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        // The code and what it is for, wholly in view together (the screen check holds every screen to that).
        VBox box = Controls.seenTogether(new VBox(8, code, caption));
        box.setId("pad-rating-qr-box");
        box.setAlignment(Pos.CENTER);
        Runnable draw = () -> {
            var link = model.ratingLinkProperty().get();
            code.setImage(link == null ? null : qrImage(PadViewModel.qrModules(link.url())));
        };
        model.ratingLinkProperty().addListener((obs, was, now) -> draw.run());
        draw.run();
        BooleanBinding shown = model.ratingLinkProperty().isNotNull();
        box.visibleProperty().bind(shown);
        box.managedProperty().bind(shown);
        return box;
    }

    /** Black modules on white, whole pixels per module, with the four-module quiet zone a scanner needs. */
    static javafx.scene.image.WritableImage qrImage(boolean[][] dark) {
        int n = dark.length;
        int module = Math.max(2, (int) Math.floor(QR_PIXELS / (n + 8)));
        int side = (n + 8) * module;
        javafx.scene.image.WritableImage image = new javafx.scene.image.WritableImage(side, side);
        javafx.scene.image.PixelWriter w = image.getPixelWriter();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int mx = x / module - 4;
                int my = y / module - 4;
                boolean on = mx >= 0 && my >= 0 && mx < n && my < n && dark[my][mx];
                w.setArgb(x, y, on ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }

    private VBox rating(I18n i18n, CatalogTexts catalog) {
        // The clerk's name and photo only when the platform sent them (a window's request); a terminal's own
        // rating names the item alone, never "null" beside an empty frame.
        Label photo = Controls.label(i18n, "pad.photo", "hint");
        photo.setId("pad-photo");
        photo.setStyle("-fx-border-color: #9aa5b1; -fx-border-width: 2; -fx-border-radius: 8;");
        photo.setMinSize(120, 150);
        photo.setAlignment(Pos.CENTER);
        javafx.beans.binding.BooleanBinding clerkKnown = Bindings.createBooleanBinding(() -> request() != null
                && request().clerkName() != null && !request().clerkName().isBlank(), model.requestProperty());
        photo.visibleProperty().bind(clerkKnown);
        photo.managedProperty().bind(clerkKnown);
        Label clerk = new Label();
        clerk.setId("pad-clerk");
        Controls.personalData(clerk); // the clerk's name, as the window system gives it
        clerk.getStyleClass().add("subtitle");
        clerk.textProperty().bind(Bindings.createStringBinding(() -> clerkKnown.get()
                ? i18n.text("pad.clerk", request().clerkName()) : "", i18n.localeProperty(), clerkKnown));
        clerk.visibleProperty().bind(clerkKnown);
        clerk.managedProperty().bind(clerkKnown);
        Label item = new Label();
        item.setId("pad-item");
        item.getStyleClass().add("hint");
        Controls.wrap(item);
        item.textProperty().bind(Bindings.createStringBinding(() -> request() == null ? ""
                : i18n.text("pad.item", catalog.itemName(i18n.locale(), request().itemCode(), request().itemName())),
                i18n.localeProperty(), model.requestProperty()));
        HBox who = new HBox(24, photo, new VBox(12, clerk, item));
        who.setAlignment(Pos.CENTER);

        // Five levels alike in size, colour and weight, in the order the national rules list them (非常满意 …
        // 非常不满意): nothing steers the citizen; the one chosen is filled and ticked.
        // One row, the five keys of one size (kiosk.css .rating-level): where the row is narrower than they would
        // like, all five give up the same width, down to their least (EvenRow; never one level alone on a second
        // row); all five stay in view together (the screen check holds every screen size to that).
        HBox levels = Controls.seenTogether(new org.govkiosk.app.ui.shell.EvenRow(16));
        levels.setId("pad-levels");
        for (int level = 5; level >= 1; level--) {
            int chosen = level;
            Button b = Controls.button(i18n, PadViewModel.LEVEL_KEYS.get(level), "rating-level",
                    () -> model.chooseLevel(chosen));
            b.setId("pad-level-" + level);
            Controls.wrap(b);
            // On a Mongolian screen each level carries its Mongolian, vertical, at one scale and column length
            // for all five; kiosk.css gives the five one size there too (.shell.mongolian .rating-level).
            Controls.mongolian(b, i18n.bindMongolian(PadViewModel.LEVEL_KEYS.get(level)), LEVEL_MONGOLIAN_SCALE,
                    LEVEL_MONGOLIAN_COLUMN);
            javafx.css.PseudoClass on = javafx.css.PseudoClass.getPseudoClass("chosen");
            b.pseudoClassStateChanged(on, model.levelProperty().get() == level);
            model.levelProperty().addListener((obs, was, now) -> b.pseudoClassStateChanged(on,
                    now.intValue() == chosen));
            levels.getChildren().add(b);
        }
        VBox rate = new VBox(16, anonymous(i18n), heading(i18n, "pad.rate-prompt"), levels);
        rate.setAlignment(Pos.CENTER);
        VBox reasons = reasons(i18n);
        show(reasons, stageIs(PadViewModel.Stage.REASONS));
        // A bad level opens the reasons below the levels: scrolled into view with their 提交评价, not left below
        // the fold of a large-type screen for the citizen to find.
        model.stageProperty().addListener((obs, was, now) -> {
            if (now == PadViewModel.Stage.REASONS && was != now) {
                javafx.application.Platform.runLater(() -> Controls.reveal(reasons));
            }
        });
        VBox box = new VBox(24, who, rate, reasons);
        box.setId("pad-rating");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /**
     * 不公开评价: a switch the citizen sees and can change, off for every new request, above the levels because a
     * good level is sent with its tap. It stays while the reasons of a bad level are asked, up to 提交评价.
     */
    private VBox anonymous(I18n i18n) {
        CheckBox toggle = new CheckBox();
        toggle.setId("pad-anonymous");
        toggle.getStyleClass().add("rating-anonymous");
        toggle.textProperty().bind(i18n.bind("pad.anonymous"));
        Controls.fitText(toggle);
        toggle.selectedProperty().bindBidirectional(model.anonymousProperty());
        Label hint = Controls.label(i18n, "pad.anonymous-hint", "hint");
        hint.setId("pad-anonymous-hint");
        hint.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox box = new VBox(8, toggle, hint);
        box.setAlignment(Pos.CENTER);
        // kiosk.css gives every check box a min-height, which outranks fitText: a full screen (large type, the
        // reasons open) would squeeze the switch's frame onto its box. The row keeps its height and scrolls.
        box.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return box;
    }

    private VBox reasons(I18n i18n) {
        FlowPane indicators = new FlowPane(12, 12);
        indicators.setAlignment(Pos.CENTER);
        for (PadViewModel.Indicator indicator : PadViewModel.INDICATORS) {
            ToggleButton t = new ToggleButton();
            Controls.fitText(t);
            t.setId("pad-reason-" + indicator.code());
            t.getStyleClass().add("secondary-button");
            t.textProperty().bind(i18n.bind(indicator.messageKey()));
            t.setOnAction(e -> model.toggleReason(indicator.code()));
            model.reasons().addListener((javafx.collections.SetChangeListener<String>) c ->
                    t.setSelected(model.reasons().contains(indicator.code())));
            indicators.getChildren().add(t);
        }
        TextField comment = KeyboardLayout.set(new TextField(), KeyboardLayout.CHINESE);
        comment.setId("pad-comment");
        comment.promptTextProperty().bind(i18n.bind("pad.comment-prompt"));
        comment.textProperty().bindBidirectional(model.commentProperty());
        Button submit = Controls.button(i18n, "pad.submit", "primary-button", model::submit);
        submit.setId("pad-submit");
        Button back = Controls.button(i18n, "pad.back", "secondary-button", model::back);
        back.setId("pad-back");
        Label message = new Label();
        message.setId("pad-message");
        message.getStyleClass().add("error");
        message.textProperty().bind(Bindings.createStringBinding(() -> model.messageProperty().get()
                .map(i18n::text).orElse(""), i18n.localeProperty(), model.messageProperty()));
        HBox actions = new HBox(16, back, submit);
        actions.setAlignment(Pos.CENTER);
        VBox box = new VBox(16, heading(i18n, "pad.reasons-prompt"), indicators, comment, message,
                actions);
        box.setId("pad-reasons");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** The Mongolian of a level: its type size against the level's, and its column length in ems. */
    static final double LEVEL_MONGOLIAN_SCALE = 0.75;
    static final double LEVEL_MONGOLIAN_COLUMN = 6;

    /** A heading of the rating screen: on a Mongolian screen with its Mongolian vertically beside it. */
    private static Label heading(I18n i18n, String key) {
        Label heading = Controls.label(i18n, key, "subtitle");
        Controls.mongolian(heading, i18n.bindMongolian(key), 0.8, 8);
        return heading;
    }

    private RatingRequestEvent request() {
        return model.requestProperty().get();
    }

    private BooleanBinding stageIs(PadViewModel.Stage stage) {
        return Bindings.createBooleanBinding(() -> model.stageProperty().get() == stage, model.stageProperty());
    }

    private static void show(Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void onShow() {
        if (clock != null) {
            clock.play();
        }
    }

    @Override
    public void onHide() {
        if (clock != null) {
            clock.stop();
        }
    }
}
