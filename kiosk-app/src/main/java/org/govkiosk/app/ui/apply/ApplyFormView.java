package org.govkiosk.app.ui.apply;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.govkiosk.app.catalog.FieldType;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.CatalogTexts;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.journey.JourneyTexts;
import org.govkiosk.app.ui.keyboard.KeyboardDock;
import org.govkiosk.app.ui.keyboard.KeyboardLayout;
import org.govkiosk.app.ui.shell.Controls;

/**
 * The application form, generated from the item's field schema: one row per field with its label in the citizen's
 * language, an input fit for its type (choices as large buttons) and the field's problem right under it. What came
 * off the card is not typed again: it is listed first in one compact block, masked, so the fields the citizen has
 * to fill are in sight without scrolling.
 */
public final class ApplyFormView implements Screen {

    private final VBox root = new VBox(16);
    private final VBox rows = new VBox(14);
    private final ApplyViewModel model;
    private final I18n i18n;
    /** Held here, registered weakly: the ViewModel outlives this session's View and must not keep it alive. */
    private final ListChangeListener<FieldInput> rebuild = c -> build();
    /** The text inputs as built, by field: the scroll pane's content is not reachable by lookup before its skin. */
    private final java.util.Map<FieldInput, TextField> inputs = new java.util.IdentityHashMap<>();

    public ApplyFormView(ApplyViewModel model, I18n i18n, Runnable onBack, Runnable onNext) {
        this.model = model;
        this.i18n = i18n;
        root.setId("apply-form");
        root.getStyleClass().add("screen");
        root.getStylesheets().add(ApplyFormView.class.getResource("apply-view.css").toExternalForm());
        root.setAlignment(Pos.TOP_CENTER);

        Label title = new Label();
        title.setId("apply-title");
        title.getStyleClass().add("title");
        Controls.wrap(title);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.itemProperty().get() == null ? ""
                : i18n.text("apply.form.title", CatalogTexts.of(model.itemProperty().get()).in(i18n.locale(),
                        model.itemProperty().get().name())), model.itemProperty(),
                i18n.localeProperty()));
        Label who = new Label();
        who.setId("apply-applicant");
        Controls.personalData(who);
        who.getStyleClass().add("hint");
        who.textProperty().bind(Bindings.concat(i18n.bind("apply.applicant"), model.applicantProperty()));

        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        model.fields().addListener(new WeakListChangeListener<>(rebuild));
        build();

        Label message = new Label();
        message.setId("apply-message");
        message.getStyleClass().add("error");
        message.textProperty().bind(i18n.bindKey(model.messageKeyProperty()));
        Button back = Controls.button(i18n, "apply.back", "secondary-button", onBack);
        back.setId("apply-back");
        Button next = Controls.button(i18n, "apply.next", "primary-button", () -> {
            if (model.formNext()) {
                onNext.run();
            }
        });
        next.setId("apply-next");
        HBox buttons = new HBox(24, back, message, next);
        buttons.setAlignment(Pos.CENTER);
        root.getChildren().addAll(title, who, Controls.label(i18n, "apply.form.hint", "hint"), scroll, buttons);
    }

    private void build() {
        rows.getChildren().clear();
        inputs.clear();
        VBox fromCard = new VBox(4, Controls.label(i18n, "apply.field.from-card", "field-label"));
        fromCard.setId("apply-from-card");
        fromCard.getStyleClass().add("apply-row");
        for (FieldInput f : model.fields()) {
            if (f.locked()) {
                fromCard.getChildren().add(fromCard(f));
            } else {
                rows.getChildren().add(row(f));
            }
        }
        if (fromCard.getChildren().size() > 1) {
            rows.getChildren().add(0, fromCard);
        }
    }

    /** 姓名：张* — read off the card, shown masked, never an input. */
    private Node fromCard(FieldInput f) {
        Label line = new Label();
        line.setId("field-" + f.key());
        Controls.personalData(Controls.wrap(line));
        line.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.text("apply.field.from-card.line", CatalogTexts.in(i18n.locale(), f.field().label()),
                        f.shownIn(i18n.locale())),
                i18n.localeProperty()));
        return line;
    }

    private Node row(FieldInput f) {
        Label label = new Label();
        label.getStyleClass().add("field-label");
        label.textProperty().bind(Bindings.createStringBinding(
                () -> CatalogTexts.in(i18n.locale(), f.field().label()) + (f.field().required() ? " *" : ""),
                i18n.localeProperty()));
        Node input = f.field().type() == FieldType.CHOICE ? choices(f) : text(f);
        Label error = new Label();
        error.setId("field-" + f.key() + "-error");
        error.getStyleClass().add("error");
        error.textProperty().bind(JourneyTexts.bindProblem(i18n, f.problemProperty()));
        VBox row = new VBox(6, label, input, error);
        row.getStyleClass().add("apply-row");
        return row;
    }

    private Node text(FieldInput f) {
        TextField field = KeyboardLayout.set(new TextField(), KeyboardLayout.of(f.field()));
        field.setId("field-" + f.key());
        Controls.personalData(field);
        if (f.field().type() != FieldType.TEXT && f.field().type() != FieldType.CHOICE) {
            Controls.leftToRight(field); // dates, numbers, phone and ID numbers read left to right in every language
        }
        field.textProperty().bindBidirectional(f.valueProperty());
        field.promptTextProperty().bind(i18n.bind(promptKey(f.field().type())));
        inputs.put(f, field);
        return field;
    }

    private static String promptKey(FieldType type) {
        return switch (type) {
            case DATE -> "apply.prompt.date";
            case PHONE -> "apply.prompt.phone";
            case ID_NUMBER -> "apply.prompt.id-number";
            case NUMBER -> "apply.prompt.number";
            default -> "apply.prompt.text";
        };
    }

    private Node choices(FieldInput f) {
        FlowPane pane = new FlowPane(12, 12);
        pane.setId("field-" + f.key());
        ToggleGroup group = new ToggleGroup();
        CatalogTexts texts = model.itemProperty().get() == null ? CatalogTexts.NONE
                : CatalogTexts.of(model.itemProperty().get());
        for (String choice : f.field().choices()) {
            ToggleButton b = new ToggleButton();
            b.textProperty().bind(Bindings.createStringBinding(() -> texts.in(i18n.locale(), choice),
                    i18n.localeProperty()));
            Controls.fitText(b);
            b.setId("field-" + f.key() + "-" + choice.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
            b.getStyleClass().add("choice");
            b.setToggleGroup(group);
            b.setSelected(choice.equals(f.valueProperty().get()));
            b.setOnAction(e -> f.valueProperty().set(b.isSelected() ? choice : ""));
            pane.getChildren().add(b);
        }
        return pane;
    }

    /**
     * The first field the citizen has to fill comes up with its keyboard (or date picker), so the one thing only
     * they know is the first thing asked; nothing opens when everything required is filled already (coming back).
     */
    @Override
    public void onShow() {
        // The scroll pane hangs its content into the scene with its skin, made at the first CSS pass.
        root.applyCss();
        model.fields().stream()
                .filter(f -> !f.locked() && f.field().required() && f.field().type() != FieldType.CHOICE
                        && (f.valueProperty().get() == null || f.valueProperty().get().isBlank()))
                .findFirst()
                .map(inputs::get)
                .ifPresent(KeyboardDock::offer);
    }

    @Override
    public Node view() {
        return root;
    }
}
