package org.govkiosk.app.ui.progress;

import javafx.beans.binding.Bindings;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.journey.CaseProgress;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.journey.JourneyTexts;
import org.govkiosk.app.ui.shell.Controls;

/**
 * Progress query: the three ways side by side (scan the receipt, type the number on the keypad, use the ID card),
 * the answer below with each case's state, promised date and any request for supplements, and the certificate
 * button for a finished case.
 */
public final class ProgressView implements Screen {

    private static final String KEYS = "1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ-";
    private static final int KEYS_PER_ROW = 10;
    /** Matches .keypad-key in kiosk.css: 60×60 px at least, as every touch target. */
    static final double KEY_SIZE = 64;
    private static final double KEY_GAP = 6;

    private final VBox root = new VBox(16);
    private final VBox answers = new VBox(12);
    private final ProgressViewModel model;
    private final I18n i18n;
    /** Held here, registered weakly: ViewModel and I18n outlive this session's View and must not keep it alive. */
    private final InvalidationListener redraw = obs -> showAnswers();

    /** @param onRate opens the rating of a finished case (好差评, 一事一评) */
    public ProgressView(ProgressViewModel model, I18n i18n,
            java.util.function.Consumer<org.govkiosk.app.journey.CaseProgress> onRate) {
        this(model, i18n, onRate, null);
    }

    /** @param onHandIn opens 补交材料 for a case waiting for materials; {@code null}: not offered here */
    public ProgressView(ProgressViewModel model, I18n i18n,
            java.util.function.Consumer<org.govkiosk.app.journey.CaseProgress> onRate,
            java.util.function.Consumer<org.govkiosk.app.journey.CaseProgress> onHandIn) {
        this(model, i18n, onRate, onHandIn, null);
    }

    /**
     * @param onIdentify to the identification screen, and back here, so that the holder of a finished case can
     *                   print its certificate; {@code null}: not offered here
     */
    public ProgressView(ProgressViewModel model, I18n i18n,
            java.util.function.Consumer<org.govkiosk.app.journey.CaseProgress> onRate,
            java.util.function.Consumer<org.govkiosk.app.journey.CaseProgress> onHandIn, Runnable onIdentify) {
        this.model = model;
        this.i18n = i18n;
        root.setId("progress");
        root.getStyleClass().add("screen");
        root.setAlignment(Pos.TOP_CENTER);

        VBox scan = new VBox(8, Controls.label(i18n, "progress.scan.title", "subtitle"),
                Controls.label(i18n, "progress.scan.hint", "hint"));
        Button byCard = Controls.button(i18n, "progress.by-card", "secondary-button", model::queryByCard);
        byCard.setId("progress-by-card");
        byCard.disableProperty().bind(model.canQueryByCard().not());
        VBox card = new VBox(8, Controls.label(i18n, "progress.card.title", "subtitle"), byCard);
        scan.setPrefWidth(300);
        card.setPrefWidth(300);
        // The three ways side by side where they fit, one under the other on a narrow (portrait) screen.
        javafx.scene.layout.FlowPane ways = new javafx.scene.layout.FlowPane(32, 16, scan, keypad(), card);
        ways.setAlignment(Pos.TOP_CENTER);
        ways.setColumnHalignment(javafx.geometry.HPos.LEFT);
        // Once cases are found they have the screen: the ways to ask give way, and come back with 重新查询.
        javafx.beans.binding.BooleanBinding asking = Bindings.isEmpty(model.results());
        ways.visibleProperty().bind(asking);
        ways.managedProperty().bind(asking);

        Label message = new Label();
        message.setId("progress-message");
        message.getStyleClass().add("hint");
        message.textProperty().bind(i18n.bindKey(model.messageKeyProperty()));
        ScrollPane scroll = new ScrollPane(answers);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        model.results().addListener(new WeakInvalidationListener(redraw));
        model.selectedProperty().addListener(new WeakInvalidationListener(redraw));
        i18n.localeProperty().addListener(new WeakInvalidationListener(redraw));

        Button print = Controls.button(i18n, "progress.print-certificate", "primary-button", model::printCertificate);
        print.setId("progress-print-certificate");
        print.disableProperty().bind(model.canPrintCertificate().not());
        Label certificate = new Label();
        certificate.setId("progress-certificate-status");
        certificate.getStyleClass().add("hint");
        certificate.textProperty().bind(i18n.bindKey(model.certificateStatusKeyProperty()));
        Button refusal = Controls.button(i18n, "progress.print-refusal", "primary-button",
                model::printRefusalNotice);
        refusal.setId("progress-print-refusal");
        // Only for a refused case: nothing greyed out for every other one.
        javafx.beans.binding.BooleanBinding refused = Bindings.createBooleanBinding(() ->
                model.selectedProperty().get() != null && model.selectedProperty().get().refusalNoticePrintable(),
                model.selectedProperty());
        refusal.visibleProperty().bind(refused);
        refusal.managedProperty().bind(refused);
        refusal.disableProperty().bind(model.canPrintRefusalNotice().not());
        Button returnNotice = Controls.button(i18n, "progress.print-return", "primary-button",
                model::printReturnNotice);
        returnNotice.setId("progress-print-return");
        javafx.beans.binding.BooleanBinding wasReturned = Bindings.createBooleanBinding(() ->
                model.selectedProperty().get() != null && model.selectedProperty().get().returnNoticePrintable(),
                model.selectedProperty());
        returnNotice.visibleProperty().bind(wasReturned);
        returnNotice.managedProperty().bind(wasReturned);
        returnNotice.disableProperty().bind(model.canPrintReturnNotice().not());
        Button supplementNotice = Controls.button(i18n, "progress.print-supplement-notice", "secondary-button",
                model::printSupplementNotice);
        supplementNotice.setId("progress-print-supplement-notice");
        javafx.beans.binding.BooleanBinding waiting = Bindings.createBooleanBinding(() ->
                model.selectedProperty().get() != null && model.selectedProperty().get().supplementNoticePrintable(),
                model.selectedProperty());
        supplementNotice.visibleProperty().bind(waiting);
        supplementNotice.managedProperty().bind(waiting);
        supplementNotice.disableProperty().bind(model.canPrintSupplementNotice().not());
        Button commitmentAgain = Controls.button(i18n, "progress.print-commitment", "primary-button",
                model::printCommitment);
        commitmentAgain.setId("progress-print-commitment");
        javafx.beans.binding.BooleanBinding deferred = Bindings.createBooleanBinding(() ->
                model.selectedProperty().get() != null && model.selectedProperty().get().commitmentPrintable(),
                model.selectedProperty());
        commitmentAgain.visibleProperty().bind(deferred);
        commitmentAgain.managedProperty().bind(deferred);
        commitmentAgain.disableProperty().bind(model.canPrintCommitment().not());
        Button rate = Controls.button(i18n, "progress.rate", "secondary-button",
                () -> onRate.accept(model.selectedProperty().get()));
        rate.setId("progress-rate");
        rate.disableProperty().bind(model.canRate().not());
        // The shell's 返回 is the way back; a status line sits above the buttons, so none moves when it appears.
        Controls.wrap(certificate);
        Button again = Controls.button(i18n, "progress.again", "secondary-button", model::newQuery);
        again.setId("progress-again");
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(24, 16, again, print, refusal,
                returnNotice, commitmentAgain, supplementNotice, rate);
        if (onHandIn != null) {
            Button handIn = Controls.button(i18n, "supplement.hand-in", "primary-button",
                    () -> onHandIn.accept(model.selectedProperty().get()));
            handIn.setId("progress-hand-in");
            handIn.disableProperty().bind(model.canHandIn().not());
            buttons.getChildren().add(handIn);
        }
        if (onIdentify != null) {
            Button identify = Controls.button(i18n, "progress.identify-holder", "primary-button", onIdentify);
            identify.setId("progress-identify");
            javafx.beans.binding.BooleanBinding needed = model.needsIdentification();
            identify.visibleProperty().bind(needed);
            identify.managedProperty().bind(needed);
            buttons.getChildren().add(identify);
        }
        buttons.setAlignment(Pos.CENTER);
        // What can be done with a case shows with the case: no row of greyed-out buttons while asking.
        buttons.visibleProperty().bind(asking.not());
        buttons.managedProperty().bind(buttons.visibleProperty());
        Label title = new Label();
        title.setId("progress-title");
        title.getStyleClass().add("title");
        title.textProperty().bind(i18n.bindKey(javafx.beans.binding.Bindings.when(model.printingProperty())
                .then("progress.title.print").otherwise("progress.title")));
        root.getChildren().addAll(title, ways, message, scroll, certificate, buttons);
    }

    private Node keypad() {
        // Keys of one fixed size in a fixed grid, and a display of a fixed width: nothing moves under the finger
        // however long the number grows.
        Label shown = new Label();
        shown.setId("progress-typed");
        Controls.leftToRight(shown);
        shown.getStyleClass().add("keypad-display");
        shown.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        shown.textProperty().bind(Bindings.when(model.typedProperty().isEmpty())
                .then(i18n.bind("progress.keypad.empty")).otherwise(model.typedProperty()));
        GridPane keys = Controls.leftToRight(new GridPane());
        keys.setHgap(KEY_GAP);
        keys.setVgap(KEY_GAP);
        for (int i = 0; i < KEYS.length(); i++) {
            char c = KEYS.charAt(i);
            Button key = new Button(String.valueOf(c));
            key.setId("key-" + (c == '-' ? "dash" : String.valueOf(c)));
            key.getStyleClass().add("keypad-key");
            key.setOnAction(e -> model.key(c));
            keys.add(key, i % KEYS_PER_ROW, i / KEYS_PER_ROW);
        }
        double width = KEYS_PER_ROW * KEY_SIZE + (KEYS_PER_ROW - 1) * KEY_GAP;
        shown.setMinWidth(width);
        shown.setPrefWidth(width);
        shown.setMaxWidth(width);
        Button delete = Controls.button(i18n, "progress.keypad.delete", "secondary-button", model::backspace);
        delete.setId("key-delete");
        Button clear = Controls.button(i18n, "progress.keypad.clear", "secondary-button", model::clearTyped);
        clear.setId("key-clear");
        Button query = Controls.button(i18n, "progress.keypad.query", "primary-button", model::queryTyped);
        query.setId("key-query");
        query.disableProperty().bind(model.typedProperty().isEmpty().or(model.busyProperty()));
        VBox pad = new VBox(8, Controls.label(i18n, "progress.keypad.title", "subtitle"), shown, keys,
                new HBox(12, delete, clear, query));
        pad.setMinWidth(width);
        pad.setMaxWidth(width);
        return pad;
    }

    private void showAnswers() {
        // Read the selection every time: an invalidation listener fires again only once the value was read.
        model.selectedProperty().get();
        answers.getChildren().clear();
        for (CaseProgress c : model.results()) {
            answers.getChildren().add(answer(c));
        }
    }

    private Node answer(CaseProgress c) {
        VBox box = new VBox(4);
        box.setId("progress-case-" + c.caseNumber());
        box.getStyleClass().add(c == model.selectedProperty().get() ? "progress-case-selected" : "progress-case");
        box.setOnMouseClicked(e -> model.selectedProperty().set(c));
        Label title = new Label(model.itemName(c, i18n.locale()) + "  " + c.caseNumber());
        title.getStyleClass().add("field-label");
        Controls.wrap(title);
        Label state = new Label(i18n.text("progress.state", i18n.text(JourneyTexts.stateKey(c.state())))
                + (c.overdue() ? "  " + i18n.text("progress.overdue") : ""));
        state.setId("progress-state-" + c.caseNumber());
        box.getChildren().addAll(title, state);
        // A case not accepted or returned promises nothing: its date was the intake's, before the decision.
        c.promisedDate().filter(d -> c.state() != org.govkiosk.api.CaseState.NOT_ACCEPTED
                && c.state() != org.govkiosk.api.CaseState.RETURNED).ifPresent(d ->
                box.getChildren().add(new Label(i18n.text("progress.promised", d.toString()))));
        c.supplementRequest().ifPresent(r -> {
            Label l = new Label(i18n.text("progress.supplement", model.platformText(r, i18n.locale())));
            l.setId("progress-supplement-" + c.caseNumber());
            l.getStyleClass().add("error");
            // The department's own words on this case, shown as written (marked where untranslated): data, not UI.
            Controls.personalData(l);
            Controls.wrap(l);
            box.getChildren().add(l);
        });
        if (c.state() == org.govkiosk.api.CaseState.NEEDS_SUPPLEMENT && !c.supplementable()) {
            // The clerk named no materials (e.g. a signature to add): nothing can be handed in here, so say where.
            Label l = new Label(i18n.text("progress.supplement-at-window"));
            l.setId("progress-supplement-window-" + c.caseNumber());
            l.getStyleClass().add("hint");
            Controls.wrap(l);
            box.getChildren().add(l);
        }
        c.reason().ifPresent(r -> {
            Label l = new Label(i18n.text("progress.reason", model.platformText(r, i18n.locale())));
            l.getStyleClass().add("error");
            Controls.personalData(l);
            Controls.wrap(l);
            box.getChildren().add(l);
        });
        if (c.printable()) {
            box.getChildren().add(new Label(i18n.text("progress.certificate-ready")));
        }
        c.returned().ifPresent(r -> box.getChildren().add(returnReasons(c, r)));
        c.deferral().ifPresent(d -> {
            String names = d.materials().stream().map(m -> model.platformText(m, i18n.locale()))
                    .collect(java.util.stream.Collectors.joining(i18n.text("progress.deferral.separator")));
            String key = d.receivedAt() != null ? "progress.deferral.received"
                    : d.overdue() ? "progress.deferral.overdue" : "progress.deferral.due";
            Label l = new Label(i18n.text(key, names, d.deadline().toString()));
            l.setId("progress-deferral-" + c.caseNumber());
            l.getStyleClass().add(d.overdue() ? "error" : "hint");
            Controls.wrap(l);
            box.getChildren().add(l);
        });
        if (!c.steps().isEmpty()) {
            box.getChildren().add(steps(c));
        }
        c.mailing().ifPresent(m -> {
            String key = switch (m.state()) {
                case WAITING -> "progress.mailing.waiting";
                case MAILED -> "progress.mailing.mailed";
                case DELIVERED -> "progress.mailing.delivered";
                case RETURNED -> "progress.mailing.returned";
            };
            Label l = new Label(i18n.text(key, m.carrier() == null ? "" : model.platformText(m.carrier(),
                    i18n.locale()), m.trackingNumber() == null ? "" : m.trackingNumber()));
            l.setId("progress-mailing-" + c.caseNumber());
            l.getStyleClass().add(m.state() == org.govkiosk.api.MailingState.RETURNED ? "error" : "hint");
            Controls.wrap(l);
            box.getChildren().add(l);
        });
        if (c.refusalNoticePrintable()) {
            Label l = new Label(i18n.text("progress.refusal-notice"));
            l.setId("progress-refusal-" + c.caseNumber());
            Controls.wrap(l);
            box.getChildren().add(l);
        }
        return box;
    }

    /**
     * 联办件: each department's step on its own line, in order (the joint departments, then the lead's decision),
     * with its state and the step the case is at marked.
     */
    private Node steps(CaseProgress c) {
        VBox list = new VBox(2);
        list.setId("progress-steps-" + c.caseNumber());
        Label head = new Label(i18n.text("progress.steps.title"));
        head.getStyleClass().add("field-label");
        Controls.wrap(head);
        list.getChildren().add(head);
        org.govkiosk.api.JointStep current = c.currentStep().orElse(null);
        for (int i = 0; i < c.steps().size(); i++) {
            org.govkiosk.api.JointStep s = c.steps().get(i);
            String state = switch (s.state()) {
                case WAITING -> "progress.step.waiting";
                case IN_PROGRESS -> "progress.step.in-progress";
                case AGREED -> "progress.step.agreed";
                case REFUSED -> "progress.step.refused";
            };
            // The department on one line, where the step stands on the next: short lines wrap least.
            Label who = new Label(i18n.text("progress.step", i + 1, model.platformText(s.department(),
                    i18n.locale()), s.lead() ? i18n.text("progress.step.lead") : ""));
            who.setId("progress-step-" + c.caseNumber() + "-" + (i + 1));
            Label l = new Label(i18n.text("progress.step.state", i18n.text(state),
                    s == current ? i18n.text("progress.step.current") : ""));
            l.setId("progress-step-state-" + c.caseNumber() + "-" + (i + 1));
            l.setPadding(new javafx.geometry.Insets(0, 0, 0, 32));
            String style = s.state() == org.govkiosk.api.JointStepState.REFUSED ? "error"
                    : s == current ? "progress-step-current" : "hint";
            who.getStyleClass().add(style);
            l.getStyleClass().add(style);
            Controls.wrap(who);
            Controls.wrap(l);
            list.getChildren().add(who);
            list.getChildren().add(l);
        }
        return list;
    }

    /** 退回件: each of the department's reasons on its own line, its advice, and that the notice prints here. */
    private Node returnReasons(CaseProgress c, org.govkiosk.api.ReturnNotice r) {
        VBox reasons = new VBox(2);
        reasons.setId("progress-return-" + c.caseNumber());
        Label head = new Label(i18n.text("progress.return.reasons", model.platformText(r.department(), i18n.locale())));
        head.getStyleClass().add("error");
        Controls.wrap(head);
        reasons.getChildren().add(head);
        for (int i = 0; i < r.reasons().size(); i++) {
            Label l = new Label(i18n.text("progress.return.reason", i + 1,
                    model.platformText(r.reasons().get(i), i18n.locale())));
            l.setId("progress-return-reason-" + c.caseNumber() + "-" + (i + 1));
            l.getStyleClass().add("error");
            // The department's own words on this applicant's case, as written: data, not UI (no translation).
            Controls.personalData(l);
            Controls.wrap(l);
            reasons.getChildren().add(l);
        }
        if (r.nextSteps() != null) {
            Label l = new Label(i18n.text("progress.return.advice", model.platformText(r.nextSteps(), i18n.locale())));
            Controls.personalData(l);
            Controls.wrap(l);
            reasons.getChildren().add(l);
        }
        Label next = new Label(i18n.text("progress.return.next"));
        next.getStyleClass().add("hint");
        Controls.wrap(next);
        reasons.getChildren().add(next);
        return reasons;
    }

    @Override
    public void onShow() {
        model.shown();
    }

    @Override
    public void onHide() {
        model.hidden();
    }

    @Override
    public Node view() {
        return root;
    }
}
