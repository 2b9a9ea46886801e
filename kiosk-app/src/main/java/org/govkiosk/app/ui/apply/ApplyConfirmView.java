package org.govkiosk.app.ui.apply;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.catalog.FieldType;
import org.govkiosk.app.ui.CatalogTexts;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.shell.Controls;

/**
 * The last look before submitting: what will be sent (ID numbers masked), which materials are missing (the case
 * will then wait for them and the one-time notification is printed), and whether a printer works now.
 */
public final class ApplyConfirmView implements Screen {

    private final VBox root = new VBox(16);
    private final VBox lines = new VBox(8);
    private final Label missing = new Label();
    private final Label printer = new Label();
    private final ApplyViewModel model;
    private final I18n i18n;
    /** Held here, registered weakly: I18n outlives this session's View and must not keep it alive. */
    private final InvalidationListener relabel = obs -> refresh();

    public ApplyConfirmView(ApplyViewModel model, I18n i18n, Runnable onBack, Runnable onSubmitted) {
        this.model = model;
        this.i18n = i18n;
        root.setId("apply-confirm");
        root.getStyleClass().add("screen");
        root.getStylesheets().add(ApplyFormView.class.getResource("apply-view.css").toExternalForm());
        root.setAlignment(Pos.TOP_CENTER);
        lines.setId("confirm-lines");
        // 领取方式 under what will be sent, in the same scroll: collect or print, or mail with the address.
        ScrollPane scroll = new ScrollPane(new VBox(16, lines, delivery()));
        scroll.setFitToWidth(true);
        // It takes the room left (vgrow) and asks for little: a long address list must not squeeze the SMS choice
        // and the notes below it to one cut line when the screen is short of room.
        scroll.setPrefHeight(200);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        missing.setId("confirm-missing");
        missing.getStyleClass().add("error");
        Controls.wrap(missing);
        // Only when materials are missing: an empty line here took a line's height and two gaps from the summary.
        missing.visibleProperty().bind(missing.textProperty().isNotEmpty());
        missing.managedProperty().bind(missing.visibleProperty());
        printer.setId("confirm-printer");
        printer.getStyleClass().add("hint");
        Controls.wrap(printer);

        Label message = new Label();
        message.setId("confirm-message");
        message.getStyleClass().add("error");
        message.textProperty().bind(i18n.bindKey(model.messageKeyProperty()));
        Button back = Controls.button(i18n, "apply.back", "secondary-button", onBack);
        back.setId("confirm-back");
        back.disableProperty().bind(model.busyProperty());
        Button submit = Controls.button(i18n, "apply.submit", "primary-button", () -> model.submit(onSubmitted));
        submit.setId("confirm-submit");
        submit.disableProperty().bind(model.busyProperty());
        HBox buttons = new HBox(24, back, message, submit);
        buttons.setAlignment(Pos.CENTER);
        // 办件短信告知: the citizen may decline the platform's SMS notices of this case.
        javafx.scene.control.CheckBox noSms = new javafx.scene.control.CheckBox();
        noSms.setId("confirm-sms-opt-out");
        Controls.wrap(noSms);
        noSms.textProperty().bind(i18n.bind("apply.confirm.sms-opt-out"));
        noSms.selectedProperty().bindBidirectional(model.smsOptOutProperty());
        root.getChildren().addAll(Controls.label(i18n, "apply.confirm.title", "title"), scroll, missing, printer,
                noSms, buttons);
        i18n.localeProperty().addListener(new WeakInvalidationListener(relabel));
    }

    /**
     * 领取方式: collect (at a window, or print here) or have it mailed (证照特快专递); the address rows show only
     * when mail is chosen, each field with the keyboard of its kind and its problem under it.
     */
    private Node delivery() {
        MailDelivery d = model.delivery();
        Label label = new Label();
        label.getStyleClass().add("field-label");
        label.textProperty().bind(javafx.beans.binding.Bindings.concat(i18n.bind("apply.delivery"), " *"));
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.ToggleButton collect = new javafx.scene.control.ToggleButton();
        collect.setId("apply-delivery-collect");
        javafx.scene.control.ToggleButton mail = new javafx.scene.control.ToggleButton();
        mail.setId("apply-delivery-mail");
        collect.textProperty().bind(i18n.bind("apply.delivery.collect"));
        mail.textProperty().bind(i18n.bind("apply.delivery.mail"));
        for (javafx.scene.control.ToggleButton b : java.util.List.of(collect, mail)) {
            Controls.fitText(b);
            b.getStyleClass().add("choice");
            b.setToggleGroup(group);
        }
        collect.setSelected(!d.mailProperty().get());
        mail.setSelected(d.mailProperty().get());
        d.mailProperty().addListener((obs, old, now) -> {
            collect.setSelected(!now);
            mail.setSelected(now);
        });
        // One of the two is always chosen: a tap on the chosen one leaves it chosen.
        collect.setOnAction(e -> {
            collect.setSelected(true);
            d.mailProperty().set(false);
        });
        mail.setOnAction(e -> {
            mail.setSelected(true);
            d.mailProperty().set(true);
        });
        VBox address = new VBox(12);
        address.setId("apply-mail-address");
        Label note = new Label();
        note.getStyleClass().add("hint");
        note.textProperty().bind(i18n.bind("apply.delivery.mail-hint"));
        Controls.wrap(note);
        address.getChildren().add(note);
        for (FieldInput f : d.fields()) {
            address.getChildren().add(addressRow(f));
        }
        address.visibleProperty().bind(d.mailProperty());
        address.managedProperty().bind(d.mailProperty());
        VBox box = new VBox(6, label, new javafx.scene.layout.FlowPane(12, 12, collect, mail), address);
        box.setId("apply-delivery");
        box.getStyleClass().add("apply-row");
        return box;
    }

    private Node addressRow(FieldInput f) {
        Label label = new Label();
        label.getStyleClass().add("field-label");
        label.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> CatalogTexts.in(i18n.locale(), f.field().label()) + " *", i18n.localeProperty()));
        javafx.scene.control.TextField input = org.govkiosk.app.ui.keyboard.KeyboardLayout.set(
                new javafx.scene.control.TextField(), org.govkiosk.app.ui.keyboard.KeyboardLayout.of(f.field()));
        input.setId("field-" + f.key());
        Controls.personalData(input);
        if (f.field().type() == FieldType.PHONE) {
            Controls.leftToRight(input); // a phone number reads left to right in every language
        }
        input.textProperty().bindBidirectional(f.valueProperty());
        input.promptTextProperty().bind(i18n.bind(f.field().type() == FieldType.PHONE ? "apply.prompt.phone"
                : "apply.prompt.text"));
        Label error = new Label();
        error.setId("field-" + f.key() + "-error");
        error.getStyleClass().add("error");
        error.textProperty().bind(org.govkiosk.app.ui.journey.JourneyTexts.bindProblem(i18n, f.problemProperty()));
        return new VBox(6, label, input, error);
    }

    private void refresh() {
        lines.getChildren().clear();
        if (model.itemProperty().get() == null) {
            return;
        }
        CatalogTexts texts = CatalogTexts.of(model.itemProperty().get());
        lines.getChildren().add(line(i18n.text("apply.confirm.item"),
                texts.in(i18n.locale(), model.itemProperty().get().name()), false));
        for (ApplyViewModel.SummaryLine l : model.summary()) {
            // A choice is the catalog's words; anything else is the citizen's own data, shown as written.
            boolean choice = l.field().type() == FieldType.CHOICE && !l.shown().isEmpty();
            lines.getChildren().add(line(CatalogTexts.in(i18n.locale(), l.field().label()),
                    choice ? texts.in(i18n.locale(), l.shown()) : l.shownIn(i18n.locale()), !choice));
        }
        var absent = texts.in(i18n.locale(), model.missingMaterials());
        missing.setText(absent.isEmpty() ? "" : i18n.text("apply.confirm.missing",
                String.join(i18n.text("guide.list-separator"), absent)));
        printer.setText(i18n.text(model.printerReady() ? "apply.confirm.printer-ready" : "apply.confirm.no-printer"));
    }

    private static Node line(String label, String value, boolean personalData) {
        Label k = new Label(label);
        k.getStyleClass().add("field-label");
        k.setMinWidth(220);
        Label v = new Label(value);
        Controls.wrap(v);
        if (personalData) {
            Controls.personalData(v);
        }
        return new HBox(16, k, v);
    }

    @Override
    public void onShow() {
        refresh();
    }

    @Override
    public Node view() {
        return root;
    }
}
