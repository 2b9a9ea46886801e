package org.govkiosk.app.ui.apply;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.CatalogTexts;
import org.govkiosk.app.ui.guide.GuideContent;
import org.govkiosk.app.journey.MaterialChoice;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.camera.CameraPreviewPane;
import org.govkiosk.app.ui.journey.JourneyTexts;
import org.govkiosk.app.ui.shell.Controls;

/**
 * The materials checklist: each material with its requirement; e-licences marked as fetched by the platform
 * (免证办); the others declared present or missing, deferrable ones also "bring later" (容缺), which needs the
 * signed commitment shown below the list. A material the citizen has on paper may be scanned with the document
 * camera, when the terminal has one that works.
 */
public final class ApplyMaterialsView implements Screen {

    private final VBox root = new VBox(16);
    private final VBox rows = new VBox(14);
    private final ApplyViewModel model;
    private final I18n i18n;
    /** Held here, registered weakly: the ViewModel outlives this session's View and must not keep it alive. */
    private final ListChangeListener<MaterialInput> rebuild = c -> build();

    public ApplyMaterialsView(ApplyViewModel model, I18n i18n, Runnable onBack, Runnable onNext) {
        this.model = model;
        this.i18n = i18n;
        root.setId("apply-materials");
        root.getStyleClass().add("screen");
        root.getStylesheets().add(ApplyFormView.class.getResource("apply-view.css").toExternalForm());
        root.setAlignment(Pos.TOP_CENTER);

        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        Node list = scroll;
        if (model.scanPreview().configured()) {
            // The document camera's picture beside the checklist, its place kept whether or not a page is framed.
            HBox.setHgrow(scroll, Priority.ALWAYS);
            HBox withPreview = new HBox(24, scroll, new CameraPreviewPane(model.scanPreview(), i18n,
                    "materials-preview"));
            withPreview.setAlignment(Pos.TOP_CENTER);
            list = withPreview;
        }
        VBox.setVgrow(list, Priority.ALWAYS);
        model.materials().addListener(new WeakListChangeListener<>(rebuild));
        build();

        // 容缺受理: the commitment in full (what is deferred, by when, what if not) above its explicit acceptance.
        Label terms = new Label();
        terms.setId("apply-deferral-terms");
        terms.getStyleClass().add("commitment-terms");
        Controls.wrap(terms);
        terms.textProperty().bind(Bindings.createStringBinding(() -> {
            var t = model.deferralTermsProperty().get();
            if (t == null) {
                return "";
            }
            CatalogTexts texts = model.itemProperty().get() == null ? CatalogTexts.NONE
                    : CatalogTexts.of(model.itemProperty().get());
            boolean zh = i18n.locale().getLanguage().equals("zh");
            String names = String.join(zh ? "、" : "; ", texts.in(i18n.locale(), t.materials()));
            String deadline = zh ? t.deadline().getYear() + "年" + t.deadline().getMonthValue() + "月"
                    + t.deadline().getDayOfMonth() + "日" : t.deadline().toString();
            return i18n.text("apply.deferral.terms", t.days(), deadline, names);
        }, model.deferralTermsProperty(), i18n.localeProperty()));
        model.commitmentTextProperty().bind(terms.textProperty());
        terms.visibleProperty().bind(model.commitmentNeededProperty());
        terms.managedProperty().bind(terms.visibleProperty());
        CheckBox commitment = new CheckBox();
        commitment.setId("apply-commitment");
        Controls.wrap(commitment);
        commitment.textProperty().bind(i18n.bind("apply.commitment"));
        commitment.selectedProperty().bindBidirectional(model.commitmentProperty());
        commitment.visibleProperty().bind(model.commitmentNeededProperty());
        commitment.managedProperty().bind(commitment.visibleProperty());
        Label commitmentError = new Label();
        commitmentError.setId("apply-commitment-error");
        commitmentError.getStyleClass().add("error");
        commitmentError.textProperty().bind(i18n.bindKey(model.commitmentErrorKeyProperty()));

        Label message = new Label();
        message.setId("materials-message");
        message.getStyleClass().add("error");
        message.textProperty().bind(i18n.bindKey(model.messageKeyProperty()));
        Button back = Controls.button(i18n, "apply.back", "secondary-button", onBack);
        back.setId("materials-back");
        Button next = Controls.button(i18n, "apply.next", "primary-button", () -> {
            if (model.materialsNext()) {
                onNext.run();
            }
        });
        next.setId("materials-next");
        HBox buttons = new HBox(24, back, message, next);
        buttons.setAlignment(Pos.CENTER);
        root.getChildren().addAll(Controls.label(i18n, "apply.materials.title", "title"),
                Controls.label(i18n, "apply.materials.hint", "hint"), list, terms, commitment, commitmentError,
                buttons);
    }

    private void build() {
        rows.getChildren().clear();
        for (int i = 0; i < model.materials().size(); i++) {
            rows.getChildren().add(row(i, model.materials().get(i)));
        }
    }

    private Node row(int index, MaterialInput m) {
        String id = "material-" + index;
        CatalogTexts texts = model.itemProperty().get() == null ? CatalogTexts.NONE
                : CatalogTexts.of(model.itemProperty().get());
        Label name = new Label();
        name.textProperty().bind(Bindings.createStringBinding(() -> i18n.text("apply.material.line", index + 1,
                texts.in(i18n.locale(), m.requirement().name()),
                i18n.text(GuideContent.formKey(m.requirement().form())), m.requirement().copies()),
                i18n.localeProperty()));
        name.getStyleClass().add("field-label");
        Controls.wrap(name);
        Label requirement = new Label();
        requirement.textProperty().bind(Bindings.createStringBinding(() -> m.requirement().requirement() == null ? ""
                : texts.in(i18n.locale(), m.requirement().requirement()), i18n.localeProperty()));
        requirement.getStyleClass().add("hint");
        Controls.wrap(requirement);
        HBox choices = new HBox(12);
        ToggleGroup group = new ToggleGroup();
        for (MaterialChoice c : m.options()) {
            ToggleButton b = new ToggleButton();
            Controls.fitText(b);
            b.setId(id + "-" + c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.textProperty().bind(i18n.bind(JourneyTexts.choiceKey(c)));
            b.getStyleClass().add("choice");
            b.setToggleGroup(group);
            b.setSelected(m.choiceProperty().get() == c);
            // A toggle group lets the selected button be unselected; a declaration always has one choice.
            b.setOnAction(e -> {
                b.setSelected(true);
                m.choiceProperty().set(c);
            });
            choices.getChildren().add(b);
        }
        if (m.scannable()) {
            choices.getChildren().addAll(scanControls(id, m));
        }
        Label scanStatus = new Label();
        scanStatus.setId(id + "-scan-status");
        scanStatus.getStyleClass().add("hint");
        scanStatus.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> m.scanMessageKeyProperty().get().isEmpty() ? ""
                        : i18n.text(m.scanMessageKeyProperty().get(), m.pages().size()),
                m.scanMessageKeyProperty(), m.pages(), i18n.localeProperty()));
        scanStatus.visibleProperty().bind(scanStatus.textProperty().isNotEmpty());
        scanStatus.managedProperty().bind(scanStatus.visibleProperty());
        Label error = new Label();
        error.setId(id + "-error");
        error.getStyleClass().add("error");
        error.textProperty().bind(JourneyTexts.bindProblem(i18n, m.problemProperty()));
        VBox row = new VBox(6, name, requirement, choices, scanStatus, error);
        row.setId(id);
        row.getStyleClass().add("apply-row");
        return row;
    }

    /** "Scan" (only while a document camera can take a page) and, once pages were taken, "remove the pages". */
    private List<Node> scanControls(String id, MaterialInput m) {
        Button scan = Controls.button(i18n, "apply.scan", "choice", () -> model.scan(m));
        scan.setId(id + "-scan");
        scan.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.scanAvailable().get(), model.scanAvailable()));
        scan.managedProperty().bind(scan.visibleProperty());
        scan.disableProperty().bind(m.scanningProperty());
        Button clear = Controls.button(i18n, "apply.scan.clear", "choice", () -> m.pages().clear());
        clear.setId(id + "-scan-clear");
        clear.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(m.pages()));
        clear.managedProperty().bind(clear.visibleProperty());
        return List.of(scan, clear);
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
