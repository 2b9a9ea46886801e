package org.govkiosk.app.ui.apply;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.journey.ApplicationOutcome;
import org.govkiosk.app.printing.PrintResult;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.journey.JourneyTexts;
import org.govkiosk.app.ui.shell.Controls;
import org.govkiosk.print.data.MissingMaterial;
import org.govkiosk.print.model.Medium;

/**
 * Says plainly what became of the application: at the platform with its number, or kept on this terminal until
 * the network is back; what is missing; what was printed and where, or that it was not (with a reprint).
 */
public final class ApplyResultView implements Screen {

    private final VBox root = new VBox(18);
    private final Label headline = label("result-headline", "subtitle");
    private final Label number = label("result-number", "title");
    private final Label promised = label("result-promised", "hint");
    private final Label missing = label("result-missing", "error");
    private final Label deferred = label("result-deferred", "hint");
    private final Label paper = label("result-paper", "hint");
    private final Label printReason = label("result-print-reason", "error");
    private final Button printCertificate;
    private final ApplyViewModel model;
    private final I18n i18n;
    /** Held here, registered weakly: ViewModel and I18n outlive this session's View and must not keep it alive. */
    private final InvalidationListener redraw = obs -> refresh();

    public ApplyResultView(ApplyViewModel model, I18n i18n, Runnable onDone) {
        this.model = model;
        this.i18n = i18n;
        root.setId("apply-result");
        root.getStyleClass().add("screen");
        root.setAlignment(Pos.TOP_CENTER);
        Button reprint = Controls.button(i18n, "apply.result.reprint", "secondary-button", model::reprint);
        reprint.setId("result-reprint");
        reprint.visibleProperty().bind(model.canReprint());
        printCertificate = Controls.button(i18n, "apply.result.print-certificate", "primary-button",
                model::printResult);
        printCertificate.setId("result-print-certificate");
        printCertificate.disableProperty().bind(model.busyProperty());
        Label certificate = new Label();
        certificate.setId("result-certificate-status");
        certificate.getStyleClass().add("hint");
        certificate.textProperty().bind(i18n.bindKey(model.certificateStatusKeyProperty()));
        Button done = Controls.button(i18n, "apply.result.done", "primary-button", onDone);
        done.setId("result-done");
        HBox buttons = new HBox(24, reprint, printCertificate, done);
        buttons.setAlignment(Pos.CENTER);
        root.getChildren().addAll(headline, number, promised, missing, deferred, paper, printReason, certificate,
                buttons);
        model.outcomeProperty().addListener(new WeakInvalidationListener(redraw));
        model.lastPrintProperty().addListener(new WeakInvalidationListener(redraw));
        model.resultReadyProperty().addListener(new WeakInvalidationListener(redraw));
        i18n.localeProperty().addListener(new WeakInvalidationListener(redraw));
        refresh();
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        Controls.wrap(l);
        return l;
    }

    private void refresh() {
        ApplicationOutcome o = model.outcomeProperty().get();
        printCertificate.setVisible(o != null && model.resultReadyProperty().get());
        if (o == null) {
            for (Label l : new Label[] {headline, number, promised, missing, deferred, paper, printReason}) {
                l.setText("");
            }
            return;
        }
        headline.setText(i18n.text(JourneyTexts.headlineKey(o)));
        number.setText(o.caseNumber().map(n -> i18n.text("apply.result.case-number", n))
                .orElseGet(() -> i18n.text("apply.result.local-reference", o.localReference())));
        promised.setText(o.promisedDate().map(d -> i18n.text("apply.result.promised", d.toString())).orElse(""));
        // The materials in the citizen's language, as the checklist named them (the catalog's English where given).
        org.govkiosk.app.ui.CatalogTexts texts = model.itemProperty().get() == null
                ? org.govkiosk.app.ui.CatalogTexts.NONE : org.govkiosk.app.ui.CatalogTexts.of(model.itemProperty().get());
        String separator = i18n.locale().getLanguage().equals("zh") ? "、" : "; ";
        missing.setText(o.missing().isEmpty() ? "" : i18n.text("apply.result.missing", String.join(separator,
                texts.in(i18n.locale(), o.missing().stream().map(MissingMaterial::name).toList()))));
        deferred.setText(o.deferred().isEmpty() ? "" : i18n.text("apply.result.deferred",
                String.join(separator, texts.in(i18n.locale(), o.deferred()))));
        PrintResult printed = model.lastPrintProperty().get() == null ? o.printResult()
                : model.lastPrintProperty().get();
        String paperText = i18n.text(JourneyTexts.paperKey(o.paper().kind(), printed));
        if (printed instanceof PrintResult.Printed p && p.fellBack()) {
            paperText += " " + i18n.text(p.medium() == Medium.A4 ? "apply.result.on-a4" : "apply.result.on-receipt");
        }
        // 容缺: the 容缺受理承诺书 came out after the main paper (or could not).
        paperText += o.commitmentPrint().map(c -> " " + i18n.text(JourneyTexts.paperKey(
                org.govkiosk.app.journey.JourneyPaper.Kind.DEFERRAL_COMMITMENT, c))).orElse("");
        paper.setText(paperText);
        printReason.setText(printed instanceof PrintResult.Failed f ? i18n.text(f.messageKey()) : "");
    }

    @Override
    public Node view() {
        return root;
    }
}
