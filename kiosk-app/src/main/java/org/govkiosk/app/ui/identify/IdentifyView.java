package org.govkiosk.app.ui.identify;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.camera.CameraPreviewModel;
import org.govkiosk.app.ui.camera.CameraPreviewPane;
import org.govkiosk.app.ui.keyboard.KeyboardLayout;
import org.govkiosk.app.ui.shell.Controls;

/** Asks for an ID card or a code, shows who was recognised, takes a contact number. */
public final class IdentifyView implements Screen {

    private final VBox root = new VBox(24);
    private final IdentifyViewModel model;
    private final CameraPreviewModel preview;

    /** @param onConfirmed where the citizen goes once identified: the menu, or back to the application they began */
    public IdentifyView(IdentifyViewModel model, Runnable onConfirmed, I18n i18n) {
        this(model, onConfirmed, i18n, CameraPreviewModel.none(Runnable::run));
    }

    /** @param preview the code camera's live picture, beside who was recognised (nothing without a live camera) */
    public IdentifyView(IdentifyViewModel model, Runnable onConfirmed, I18n i18n, CameraPreviewModel preview) {
        this.model = model;
        this.preview = preview;
        root.setId("identify");
        root.getStyleClass().add("screen");
        root.setAlignment(Pos.TOP_CENTER);

        Label prompt = new Label();
        prompt.setId("identify-prompt");
        prompt.textProperty().bind(i18n.bindKey(model.promptKey()));
        prompt.getStyleClass().add("subtitle");
        Controls.wrap(prompt);

        Label message = new Label();
        message.setId("identify-message");
        message.textProperty().bind(i18n.bindKey(model.messageKeyProperty()));
        message.getStyleClass().add("hint");

        HBox methods = new HBox(24);
        methods.setId("identify-methods");
        methods.setAlignment(Pos.CENTER);
        for (IdentifyViewModel.Method m : model.methods()) {
            methods.getChildren().add(methodTile(m, i18n));
        }

        GridPane who = new GridPane();
        who.setHgap(16);
        who.setVgap(12);
        who.setAlignment(Pos.CENTER);
        Label name = new Label();
        name.setId("identify-name");
        Controls.personalData(name);
        name.textProperty().bind(model.nameProperty());
        Label id = new Label();
        id.setId("identify-id");
        Controls.leftToRight(id);
        id.textProperty().bind(model.maskedIdProperty());
        Label code = new Label();
        code.setId("identify-code");
        Controls.leftToRight(code);
        code.textProperty().bind(model.scannedCodeProperty());
        TextField phone = KeyboardLayout.set(new TextField(), KeyboardLayout.PHONE);
        phone.setId("identify-phone");
        Controls.leftToRight(phone);
        phone.setPrefColumnCount(16);
        phone.textProperty().bindBidirectional(model.phoneProperty());
        phone.promptTextProperty().bind(i18n.bind("identify.phone.prompt"));
        Label phoneError = new Label();
        phoneError.setId("identify-phone-error");
        phoneError.textProperty().bind(i18n.bindKey(model.phoneErrorKeyProperty()));
        phoneError.getStyleClass().add("error");
        who.addRow(0, Controls.label(i18n, "identify.name", "field-label"), name);
        who.addRow(1, Controls.label(i18n, "identify.id-number", "field-label"), id);
        who.addRow(2, Controls.label(i18n, "identify.code", "field-label"), code);
        who.addRow(3, Controls.label(i18n, "identify.phone", "field-label"), phone);
        // The applications' forms require the phone (catalog.yaml: required); only queries and printing go without.
        // Said where a wrong number is said, in its place, so the screen grows by no line.
        Label phoneHint = Controls.label(i18n, "identify.phone.hint", "hint");
        phoneHint.setId("identify-phone-hint");
        phoneHint.visibleProperty().bind(phoneError.textProperty().isEmpty());
        phoneError.visibleProperty().bind(phoneHint.visibleProperty().not());
        javafx.scene.layout.StackPane phoneNote = new javafx.scene.layout.StackPane(phoneHint, phoneError);
        phoneNote.setAlignment(Pos.CENTER_LEFT);
        who.add(phoneNote, 1, 4);

        var next = Controls.button(i18n, "identify.next", "primary-button", () -> {
            if (model.confirm()) {
                onConfirmed.run();
            }
        });
        next.setId("identify-next");
        // The camera's picture beside the fields, its place kept from the start: nothing moves when it appears.
        Node middle = who;
        if (preview.configured()) {
            HBox row = new HBox(40, who, new CameraPreviewPane(preview, i18n, "identify-preview"));
            row.setAlignment(Pos.CENTER);
            middle = row;
        }
        root.getChildren().addAll(Controls.label(i18n, "identify.title", "title"), prompt, methods, middle, message,
                next);
    }

    /** A way of identifying, greyed out and saying so while its devices are out. */
    private static Node methodTile(IdentifyViewModel.Method m, I18n i18n) {
        Label what = Controls.label(i18n, m.labelKey(), "method-label");
        Label state = new Label();
        state.setId("method-state-" + m.id());
        state.textProperty().bind(i18n.bindKey(Bindings.when(m.usable())
                .then("identify.method.ready").otherwise("identify.method.unavailable")));
        VBox tile = new VBox(8, what, state);
        tile.setId("method-" + m.id());
        tile.getStyleClass().add("method");
        tile.setAlignment(Pos.CENTER);
        tile.setPrefWidth(280);
        m.usable().addListener((obs, was, now) -> tile.pseudoClassStateChanged(UNAVAILABLE, !now));
        tile.pseudoClassStateChanged(UNAVAILABLE, !m.usable().get());
        return tile;
    }

    private static final PseudoClass UNAVAILABLE = PseudoClass.getPseudoClass("unavailable");

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void onShow() {
        model.shown();
        preview.start();
    }

    @Override
    public void onHide() {
        preview.stop();
        model.hidden();
    }
}
