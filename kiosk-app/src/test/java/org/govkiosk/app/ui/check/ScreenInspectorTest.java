package org.govkiosk.app.ui.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.govkiosk.app.i18n.I18n;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The screen check finds each kind of defect on a small scene made to have it, and nothing on a sound one. */
class ScreenInspectorTest {

    private final FxRobot robot = new FxRobot();
    private final ScreenInspector inspector = new ScreenInspector(Set.of("apply.submit"), Set.of("lang-switch"));

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private List<ScreenInspector.Finding> inspect(Locale locale, boolean large, java.util.function.Consumer<Pane> build) {
        AtomicReference<List<ScreenInspector.Finding>> found = new AtomicReference<>();
        robot.interact(() -> {
            Pane pane = new Pane();
            pane.setStyle("-fx-background-color: #f5f7fa; -fx-font-size: 20px;");
            build.accept(pane);
            Scene scene = new Scene(pane, 800, 600);
            var shot = scene.snapshot(null);
            found.set(inspector.inspect(scene, shot, locale, large));
        });
        return found.get();
    }

    private static Label label(String text, double x, double y, double w, Color fill) {
        Label l = new Label(text);
        l.relocate(x, y);
        l.setMinWidth(w);
        l.setPrefWidth(w);
        l.setMaxWidth(w);
        l.setTextFill(fill);
        return l;
    }

    private static Button button(String text, double x, double y, double w, double h) {
        Button b = new Button(text);
        b.relocate(x, y);
        b.setMinSize(w, h);
        b.setPrefSize(w, h);
        b.setMaxSize(w, h);
        return b;
    }

    @Test
    void aSoundScreenHasNoFindings() {
        assertThat(inspect(Locale.SIMPLIFIED_CHINESE, false, p -> p.getChildren().addAll(
                label("请核对申报信息", 20, 20, 400, Color.web("#1a1a1a")),
                button("确认提交", 20, 100, 200, 72)))).isEmpty();
    }

    @Test
    void whiteTextOnTheNearWhitePageIsLowContrast() {
        assertThat(inspect(Locale.SIMPLIFIED_CHINESE, false,
                p -> p.getChildren().add(label("张三", 20, 20, 200, Color.WHITE))))
                .extracting(ScreenInspector.Finding::kind).containsExactly("contrast");
    }

    @Test
    void largeTypeAsksForSevenToOne() {
        // #6e6e6e on #f5f7fa is about 4.7:1: enough in standard type, not in large type.
        Color grey = Color.web("#6e6e6e");
        assertThat(inspect(Locale.SIMPLIFIED_CHINESE, false, p -> p.getChildren().add(label("办件", 20, 20, 200, grey))))
                .isEmpty();
        assertThat(inspect(Locale.SIMPLIFIED_CHINESE, true, p -> p.getChildren().add(label("办件", 20, 20, 200, grey))))
                .extracting(ScreenInspector.Finding::kind).containsExactly("contrast");
    }

    @Test
    void aLabelTooNarrowForItsTextIsCut() {
        assertThat(inspect(Locale.SIMPLIFIED_CHINESE, false, p -> p.getChildren().add(
                label("基本养老保险待遇申领", 20, 20, 60, Color.BLACK))))
                .extracting(ScreenInspector.Finding::kind).containsExactly("cut");
    }

    @Test
    void aSmallButtonIsASmallTarget() {
        assertThat(inspect(Locale.SIMPLIFIED_CHINESE, false, p -> p.getChildren().add(button("7", 20, 20, 38, 40))))
                .extracting(ScreenInspector.Finding::kind).contains("small-target");
    }

    @Test
    void overlappingControlsAreFound() {
        assertThat(inspect(Locale.SIMPLIFIED_CHINESE, false, p -> p.getChildren().addAll(
                button("返回", 20, 20, 200, 72), button("结束", 150, 40, 200, 72))))
                .extracting(ScreenInspector.Finding::kind).containsExactly("overlap");
    }

    @Test
    void nullRawKeysAndChineseInEnglishAreFound() {
        assertThat(inspect(Locale.ENGLISH, false, p -> p.getChildren().addAll(
                label("Clerk: null", 20, 20, 400, Color.BLACK),
                label("apply.submit", 20, 80, 400, Color.BLACK),
                label("progress.not-found", 20, 140, 400, Color.BLACK),
                label("基本养老保险", 20, 200, 400, Color.BLACK))))
                .extracting(ScreenInspector.Finding::kind)
                .containsExactlyInAnyOrder("null", "raw-key", "raw-key", "untranslated");
    }

    @Test
    void aUyghurScreenLaidOutLeftToRightIsFoundAndAMirroredOneIsNot() {
        java.util.function.Consumer<Pane> content = p -> p.getChildren().add(label("ئاخىرلاشتۇرۇش", 20, 20, 300,
                Color.BLACK));
        assertThat(inspect(I18n.UG_CN, false, content)).extracting(ScreenInspector.Finding::kind)
                .containsExactly("not-mirrored");
        assertThat(inspect(I18n.UG_CN, false, content.andThen(p -> p.setNodeOrientation(
                javafx.geometry.NodeOrientation.RIGHT_TO_LEFT)))).isEmpty();
    }

    @Test
    void chineseOnAUyghurScreenIsFoundUnlessItSaysItIsInChineseOnly() {
        assertThat(inspect(I18n.UG_CN, false, p -> {
            p.setNodeOrientation(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT);
            p.getChildren().addAll(label("居民身份证", 20, 20, 300, Color.BLACK),
                    label(I18n.format(I18n.UG_CN, "catalog.chinese-only", "户口簿"), 20, 100, 300, Color.BLACK));
        })).extracting(ScreenInspector.Finding::kind, ScreenInspector.Finding::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("untranslated", "\"居民身份证\" in ug_CN"));
    }

    @Test
    void theLanguageSwitchMayNameTheOtherLanguage() {
        assertThat(inspect(Locale.ENGLISH, false, p -> {
            Button lang = button("中文", 20, 20, 120, 72);
            lang.setId("lang-switch");
            p.getChildren().add(lang);
        })).isEmpty();
    }

    @Test
    void personalDataMayBeInAnyScriptButNothingElseNearItMay() {
        assertThat(inspect(Locale.ENGLISH, false, p -> {
            Label name = label("张伟", 20, 20, 200, Color.BLACK);
            name.getStyleClass().add(ScreenInspector.PERSONAL_DATA);
            javafx.scene.layout.VBox data = new javafx.scene.layout.VBox(new Label("北京市东城区"));
            data.getStyleClass().add(ScreenInspector.PERSONAL_DATA);
            data.relocate(20, 80);
            p.getChildren().addAll(name, data, label("居民身份证", 20, 160, 200, Color.BLACK));
        })).extracting(ScreenInspector.Finding::kind, ScreenInspector.Finding::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("untranslated", "\"居民身份证\" in en"));
    }

    @Test
    void textRunningPastTheScreenEdgeIsFound() {
        assertThat(inspect(Locale.SIMPLIFIED_CHINESE, false, p -> p.getChildren().add(
                label("请取走您的身份证和回执", 700, 20, 300, Color.BLACK))))
                .extracting(ScreenInspector.Finding::kind).contains("off-screen");
    }

    @Test
    void whatAnOpaqueOverlayHidesIsNotChecked() {
        assertThat(inspect(Locale.SIMPLIFIED_CHINESE, false, p -> {
            Pane overlay = new Pane(label("使用帮助", 20, 20, 300, Color.BLACK));
            overlay.setStyle("-fx-background-color: white;");
            overlay.setPrefSize(800, 600);
            p.getChildren().addAll(label("看不见", 20, 300, 200, Color.WHITE), button("7", 20, 400, 38, 40), overlay);
        })).isEmpty();
    }

    @Test
    void aCutLabelInATabIsFound() {
        assertThat(inspect(Locale.SIMPLIFIED_CHINESE, false, p -> {
            javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
            Label id = label("idcard-1", 0, 0, 30, Color.BLACK);
            grid.add(id, 0, 0);
            javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
            scroll.setFitToWidth(true);
            javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane(
                    new javafx.scene.control.Tab("设备", scroll), new javafx.scene.control.Tab("队列", new Label("x")));
            tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
            tabs.resizeRelocate(0, 0, 700, 400);
            p.getChildren().add(tabs);
        })).extracting(ScreenInspector.Finding::kind).contains("cut");
    }

    /** Five levels of 好差评 in a scrolling screen 600 px tall (or 220 px: the second row of levels below its fold). */
    private List<ScreenInspector.Finding> levelsInAScreen(double viewportHeight) {
        return inspect(Locale.SIMPLIFIED_CHINESE, false, p -> {
            javafx.scene.layout.FlowPane levels = org.govkiosk.app.ui.shell.Controls.seenTogether(
                    new javafx.scene.layout.FlowPane(16, 16));
            levels.setId("levels");
            levels.setPrefWrapLength(600);
            for (String level : List.of("非常满意", "满意", "基本满意", "不满意", "非常不满意")) {
                Button b = button(level, 0, 0, 180, 100);
                b.setId("level-" + level);
                levels.getChildren().add(b);
            }
            javafx.scene.layout.VBox screen = new javafx.scene.layout.VBox(16, label("请您作出评价", 0, 0, 300,
                    Color.BLACK), levels);
            javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(screen);
            scroll.setPrefSize(760, viewportHeight); // the page's layout gives it its preferred size
            scroll.setMaxSize(760, viewportHeight);
            p.getChildren().add(scroll);
        });
    }

    @Test
    void choicesToBeSeenTogetherAreFoundWhenSomeAreBelowTheFold() {
        assertThat(levelsInAScreen(580)).isEmpty();
        assertThat(levelsInAScreen(220)).filteredOn(f -> f.kind().equals("not-together")).singleElement()
                .satisfies(f -> assertThat(f.detail()).startsWith("3 of 5 choices wholly in view")
                        .contains("level-不满意").contains("level-非常不满意").doesNotContain("level-满意,"));
    }
}
