package org.govkiosk.app.ui.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.govkiosk.app.catalog.Catalog;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.CatalogLoader;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.Navigator;
import org.govkiosk.app.ui.catalog.CatalogView;
import org.govkiosk.app.ui.catalog.CatalogViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The two screens headless (Monocle) on the shipped catalog, inside a shell-like root with the terminal's
 * stylesheet: typing initials on the on-screen keys, opening a guide, printing it, applying, in large type.
 */
class CatalogGuideUiTest {

    private static Catalog catalog;

    private final FxRobot robot = new FxRobot();
    private final List<PrintableGuide> printed = new ArrayList<>();
    private final List<CompletableFuture<Void>> jobs = new ArrayList<>();
    private final List<CatalogItem> applied = new ArrayList<>();
    private StackPane shell;
    private StackPane content;
    private I18n i18n;

    @BeforeAll
    static void loadCatalog() {
        catalog = CatalogLoader.load(Paths.get(System.getProperty("govkiosk.config.dir", "../config")));
        catalog.prepareSearch();
    }

    @BeforeEach
    void showCatalog() throws Exception {
        FxToolkit.registerPrimaryStage();
        i18n = new I18n(List.of(I18n.ZH_CN, Locale.ENGLISH), I18n.ZH_CN);
        FxToolkit.setupSceneRoot(() -> {
            content = new StackPane();
            shell = new StackPane(content);
            shell.getStyleClass().add("shell");
            shell.getStylesheets().add(Navigator.class.getResource("kiosk.css").toExternalForm());
            GuideViewModel guideModel = new GuideViewModel(i18n, guide -> {
                printed.add(guide);
                CompletableFuture<Void> job = new CompletableFuture<>();
                jobs.add(job);
                return job;
            }, new SimpleBooleanProperty(true), Platform::runLater, applied::add);
            CatalogView catalogView = new CatalogView(new CatalogViewModel(catalog, item -> {
                guideModel.show(item);
                content.getChildren().setAll(new GuideView(guideModel, i18n).view());
            }), i18n);
            content.getChildren().setAll(catalogView.view());
            content.setUserData(catalogView.view());
            return shell;
        });
        FxToolkit.showStage();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void back() {
        content.getChildren().setAll((javafx.scene.Node) content.getUserData());
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void findsAnItemByInitialsOpensItsGuidePrintsItAndApplies() {
        CatalogItem fund = catalog.search("gjjtq").get(0);
        assertThat(fund.name()).contains("公积金提取");

        assertThat(robot.lookup("#catalog-keyboard").query().isVisible()).as("the lists have the room at first")
                .isFalse();
        robot.clickOn("#catalog-search");
        for (String key : List.of("g", "j", "j", "t", "q")) {
            robot.clickOn("#catalog-key-" + key);
        }
        assertThat(robot.lookup("#catalog-search").queryTextInputControl().getText()).isEqualTo("gjjtq");
        assertThat(robot.lookup("#catalog-message").queryLabeled().getText()).startsWith("找到 1 个事项");
        assertThat(robot.lookup("#catalog-group-0").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .as("while searching no group looks chosen").isFalse();
        robot.clickOn("#catalog-result-" + fund.code());

        assertThat(robot.lookup("#guide-title").queryLabeled().getText()).isEqualTo(fund.name());
        for (String id : List.of("basic", "legal-basis", "conditions", "materials", "procedure", "time-limit", "fees",
                "contacts", "rating", "result")) {
            assertThat(robot.lookup("#guide-section-" + id).tryQuery()).as(id).isPresent();
        }
        assertThat(texts("#guide-section-materials")).anyMatch(t -> t.contains("居民身份证"));

        robot.clickOn("#guide-print");
        assertThat(printed).singleElement().extracting(PrintableGuide::itemCode).isEqualTo(fund.code());
        assertThat(robot.lookup("#guide-print").queryButton().isDisabled()).isTrue();
        jobs.get(0).complete(null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#guide-print-status").queryLabeled().getText()).startsWith("打印完成");

        robot.clickOn("#guide-apply");
        assertThat(applied).containsExactly(fund);

        robot.interact(this::back); // the shell's 返回
        assertThat(robot.lookup("#catalog").tryQuery()).isPresent();
    }

    @Test
    void browsesByLifeEventInEnglishAndLargeType() {
        robot.interact(() -> {
            i18n.next();
            shell.getStyleClass().add("elder");
        });
        assertThat(robot.lookup("#catalog-by-life-event").queryLabeled().getText()).isEqualTo("By life event");

        robot.clickOn("#catalog-by-life-event");
        robot.clickOn("#catalog-group-0");
        String firstEvent = catalog.byLifeEvent().keySet().iterator().next();
        assertThat(robot.lookup("#catalog-message").queryLabeled().getText())
                .isEqualTo(catalog.english().english(firstEvent).orElseThrow());
        assertThat(robot.lookup("#catalog-group-0").queryLabeled().getText()).as("life events in English")
                .isEqualTo(catalog.english().english(firstEvent).orElseThrow());
        CatalogItem first = catalog.byLifeEvent().get(firstEvent).get(0);
        Button row = robot.lookup("#catalog-result-" + first.code()).queryButton();
        assertThat(row.getText()).startsWith(catalog.english().english(first.name()).orElseThrow() + "\n"
                + catalog.english().english(first.department()).orElseThrow() + " · ");
        assertThat(row.getTextFill()).as("large type: yellow on black").isEqualTo(Color.YELLOW);

        robot.clickOn(row);
        assertThat(robot.lookup("#guide-section-basic .subtitle").queryLabeled().getText())
                .isEqualTo("Basic information");
        Label line = robot.lookup("#guide-section-basic .guide-line").queryAs(Label.class);
        assertThat(line.getText()).startsWith("Item code: ");
        assertThat(line.getTextFill()).isEqualTo(Color.YELLOW);
        assertThat(robot.lookup("#guide-title").queryLabeled().getText())
                .isEqualTo(catalog.english().english(first.name()).orElseThrow());
        assertThat(texts("#guide-sections")).as("the demo catalog is all in English").isNotEmpty()
                .allSatisfy(t -> assertThat(t).doesNotContainPattern("\\p{IsHan}"));
    }

    private List<String> texts(String query) {
        return robot.lookup(query + " .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
