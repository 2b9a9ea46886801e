package org.govkiosk.app.ui.supplement;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.CatalogTexts;
import org.govkiosk.app.journey.CaseProgress;
import org.govkiosk.app.journey.SupplementOutcome;
import org.govkiosk.app.printing.PrintResult;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.journey.JourneyTexts;
import org.govkiosk.app.ui.journey.MaterialScans;
import org.govkiosk.app.ui.shell.Controls;

/**
 * 补交材料: the case, exactly the materials it waits for with a large tick box each ("I have brought it"), confirm;
 * then what became of it and what was printed, with a reprint when the paper failed.
 */
public final class SupplementView implements Screen {

    private final VBox root = new VBox(18);
    private final VBox rows = new VBox(14);
    private final Label caseLine = label("supplement-case", "subtitle");
    private final Label headline = label("supplement-headline", "subtitle");
    private final Label stillMissing = label("supplement-still-missing", "error");
    private final Label paper = label("supplement-paper", "hint");
    private final Label printReason = label("supplement-print-reason", "error");
    private final VBox declaring;
    private final VBox done;
    private final SupplementViewModel model;
    private final I18n i18n;
    private final CatalogTexts catalog;
    /** Held here, registered weakly: ViewModel and I18n outlive this session's View and must not keep it alive. */
    private final InvalidationListener redraw = obs -> refresh();
    /** Rebuilds the boxes when the list itself changes; ticking a box (an update) must not recreate it. */
    private final ListChangeListener<SupplementViewModel.Row> rebuild = change -> {
        while (change.next()) {
            if (change.wasAdded() || change.wasRemoved()) {
                buildRows();
                return;
            }
        }
    };

    public SupplementView(SupplementViewModel model, I18n i18n, Runnable onBack, Runnable onDone) {
        this(model, i18n, onBack, onDone, CatalogTexts.NONE);
    }

    /** @param catalog names the case's item and materials in the UI language (the platform names them in Chinese) */
    public SupplementView(SupplementViewModel model, I18n i18n, Runnable onBack, Runnable onDone,
            CatalogTexts catalog) {
        this.catalog = catalog;
        this.model = model;
        this.i18n = i18n;
        root.setId("supplement");
        root.getStyleClass().add("screen");
        root.setAlignment(Pos.TOP_CENTER);

        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        javafx.scene.Node list = scroll;
        if (model.scanPreview().configured()) {
            // The document camera's picture beside the list, its place kept whether or not a page is framed.
            HBox.setHgrow(scroll, Priority.ALWAYS);
            HBox withPreview = new HBox(24, scroll, new org.govkiosk.app.ui.camera.CameraPreviewPane(
                    model.scanPreview(), i18n, "supplement-preview"));
            withPreview.setAlignment(Pos.TOP_CENTER);
            list = withPreview;
        }
        VBox.setVgrow(list, Priority.ALWAYS);
        Label message = new Label();
        message.setId("supplement-message");
        message.getStyleClass().add("hint");
        message.textProperty().bind(i18n.bindKey(model.messageKeyProperty()));
        Button back = Controls.button(i18n, "supplement.back", "secondary-button", onBack);
        back.setId("supplement-back");
        back.disableProperty().bind(model.busyProperty());
        Button confirm = Controls.button(i18n, "supplement.confirm", "primary-button", model::confirm);
        confirm.setId("supplement-confirm");
        confirm.disableProperty().bind(model.canConfirm().not());
        HBox declareButtons = new HBox(24, back, confirm);
        declareButtons.setAlignment(Pos.CENTER);
        declaring = new VBox(16, Controls.label(i18n, "supplement.hint", "hint"), list, declareButtons);
        VBox.setVgrow(declaring, Priority.ALWAYS);

        Button reprint = Controls.button(i18n, "supplement.reprint", "secondary-button", model::reprint);
        reprint.setId("supplement-reprint");
        reprint.visibleProperty().bind(model.canReprint());
        Button finish = Controls.button(i18n, "supplement.done", "primary-button", onDone);
        finish.setId("supplement-done");
        HBox doneButtons = new HBox(24, reprint, finish);
        doneButtons.setAlignment(Pos.CENTER);
        done = new VBox(16, headline, stillMissing, paper, printReason, doneButtons);
        done.setAlignment(Pos.TOP_CENTER);

        root.getChildren().addAll(Controls.label(i18n, "supplement.title", "title"), caseLine, message, declaring,
                done);
        model.waitingProperty().addListener(new WeakInvalidationListener(redraw));
        model.rows().addListener(new WeakListChangeListener<>(rebuild));
        model.outcomeProperty().addListener(new WeakInvalidationListener(redraw));
        model.lastPrintProperty().addListener(new WeakInvalidationListener(redraw));
        i18n.localeProperty().addListener(new WeakInvalidationListener(redraw));
        buildRows();
        refresh();
    }

    private void buildRows() {
        rows.getChildren().clear();
        for (SupplementViewModel.Row row : model.rows()) {
            String id = "supplement-material-" + row.material().code();
            CheckBox box = new CheckBox();
            box.setId(id);
            Controls.wrap(box);
            box.getStyleClass().add("field-label");
            box.textProperty().bind(Bindings.createStringBinding(() -> i18n.text("supplement.brought",
                    catalog.in(i18n.locale(), row.material().name())), i18n.localeProperty()));
            box.selectedProperty().bindBidirectional(row.brought());
            rows.getChildren().add(new VBox(6, box, scanLine(id, row)));
        }
    }

    /** "Scan" while a document camera can take a page, and what the scan says (place the paper, N pages). */
    private Node scanLine(String id, SupplementViewModel.Row row) {
        Button scan = Controls.button(i18n, "apply.scan", "choice", () -> model.scan(row));
        scan.setId(id + "-scan");
        scan.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.scanAvailable().get(),
                model.scanAvailable()));
        scan.managedProperty().bind(scan.visibleProperty());
        scan.disableProperty().bind(row.scans().scanningProperty().or(model.busyProperty()));
        Label status = new Label();
        status.setId(id + "-scan-status");
        status.getStyleClass().add("hint");
        Controls.wrap(status);
        MaterialScans.ScannedPages scans = row.scans();
        status.textProperty().bind(Bindings.createStringBinding(() -> scans.messageKeyProperty().get().isEmpty()
                ? "" : i18n.text(scans.messageKeyProperty().get(), scans.pages().size()),
                scans.messageKeyProperty(), scans.pages(), i18n.localeProperty()));
        HBox line = new HBox(16, scan, status);
        line.setAlignment(Pos.CENTER_LEFT);
        line.visibleProperty().bind(scan.visibleProperty().or(status.textProperty().isNotEmpty()));
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        Controls.wrap(l);
        return l;
    }

    private void refresh() {
        CaseProgress c = model.waitingProperty().get();
        caseLine.setText(c == null ? "" : i18n.text("supplement.case",
                catalog.itemName(i18n.locale(), c.itemCode(), c.itemName()), c.caseNumber()));
        SupplementOutcome o = model.outcomeProperty().get();
        boolean finished = o != null;
        declaring.setVisible(!finished);
        declaring.setManaged(!finished);
        done.setVisible(finished);
        done.setManaged(finished);
        if (o == null) {
            for (Label l : new Label[] {headline, stillMissing, paper, printReason}) {
                l.setText("");
            }
            return;
        }
        headline.setText(i18n.text(SupplementViewModel.headlineKey(o)));
        stillMissing.setText(o.stillMissing().isEmpty() ? "" : i18n.text("supplement.still-missing",
                String.join("、", o.stillMissing())));
        PrintResult printed = model.lastPrintProperty().get() == null ? o.printResult()
                : model.lastPrintProperty().get();
        paper.setText(i18n.text(JourneyTexts.paperKey(o.paper().kind(), printed)));
        printReason.setText(printed instanceof PrintResult.Failed f ? i18n.text(f.messageKey()) : "");
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void onShow() {
        model.scanPreview().start();
    }

    @Override
    public void onHide() {
        model.scanPreview().stop();
    }
}
