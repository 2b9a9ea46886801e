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
        ScrollPane scroll = new ScrollPane(lines);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        missing.setId("confirm-missing");
        missing.getStyleClass().add("error");
        Controls.wrap(missing);
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
        // 领取方式: what the citizen chose, and where it goes (their own data, shown as typed to check it).
        var to = model.delivery().address();
        Node delivery = line(i18n.text("apply.delivery"), to == null ? i18n.text("apply.delivery.collect")
                : i18n.text("apply.delivery.mail-to", to.line(), to.phone()), to != null);
        delivery.setId("confirm-delivery");
        lines.getChildren().add(delivery);
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
