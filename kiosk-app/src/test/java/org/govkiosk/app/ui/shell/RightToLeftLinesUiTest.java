package org.govkiosk.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.geometry.NodeOrientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Uyghur lines with a Chinese run (issue 20): JavaFX 21.0.5 wraps them wider than their box and cuts the start of
 * the line; {@link RightToLeftLines} breaks them itself so every line lies inside. The texts are the guide's, as
 * the screen check found them cut in large type (UKIJ Tuz, 32 px × 1.05) on a portrait and a 1280 px screen.
 */
class RightToLeftLinesUiTest {

    static final Path UKIJ = Path.of("/usr/share/fonts/truetype/fonts-ukij-uyghur/UKIJTuz.ttf");
    static final String PLACE = "ئورنى: \u200E\u200E示例市政务服务中心二楼人社综合窗口（B区12-18号）\u200E (خەنزۇچىلا بار)\u200E";
    static final String HOURS = "ئىشلەش \u200Eۋاقتى: \u200E\u200E周一至周五 9:00-12:00，13:30-17:30（法定节假日除外）\u200E"
            + " (خەنزۇچىلا بار)\u200E";
    static final String CONDITION = "3. \u200E已办理退休（职工）或待遇核定（城乡居民）手续\u200E (خەنزۇچىلا بار)\u200E";

    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void everyLineOfAUyghurTextWithChineseInItLiesInsideItsBox() {
        for (double width : new double[] {902, 1102, 600}) {
            for (String text : new String[] {PLACE, HOURS, CONDITION}) {
                Bounds[] drawn = laidOut(text, width, true);
                assertThat(drawn[0].getMinX()).as("%s at %.0f px: its start", text, width)
                        .isGreaterThanOrEqualTo(drawn[1].getMinX() - 1);
                assertThat(drawn[0].getMaxX()).as("%s at %.0f px: its end", text, width)
                        .isLessThanOrEqualTo(drawn[1].getMaxX() + 1);
                assertThat(drawn[0].getHeight()).as("%s at %.0f px: every line", text, width)
                        .isLessThanOrEqualTo(drawn[1].getHeight() + 1);
            }
        }
    }

    /** What the class is for: JavaFX's own wrapping cuts the place's line (a test that cannot fail proves nothing). */
    @Test
    void javaFxAloneLaysTheLineOutWiderThanItsBox() {
        Bounds[] drawn = laidOut(PLACE, 902, false);
        assertThat(drawn[0].getMinX()).as("JavaFX 21.0.5's wrap of a right-to-left line with a Chinese run; if this"
                + " fails, JavaFX wraps it right now and RightToLeftLines may go").isLessThan(drawn[1].getMinX() - 20);
    }

    @Test
    void breaksAtSpacesAndBetweenChineseCharactersNeverInsideATime() {
        AtomicReference<String> lines = new AtomicReference<>();
        robot.interact(() -> lines.set(RightToLeftLines.lines(HOURS, Font.font("UKIJ Tuz", 33.6), 600)));
        assertThat(lines.get()).contains("\n").doesNotContain("13:\n30").doesNotContain("9:\n00")
                .doesNotContain("12:\n00").doesNotContain("17:\n30");
        // Line feeds added, at most a space dropped before each: the words and characters as they were.
        assertThat(lines.get().replaceAll("\\s", "")).isEqualTo(HOURS.replaceAll("\\s", ""));
        // One script, or left to right: shown as it comes.
        assertThat(RightToLeftLines.mixesChineseIntoRightToLeft("ئىشلەش ۋاقتى")).isFalse();
        assertThat(RightToLeftLines.mixesChineseIntoRightToLeft("办理时间 Office hours")).isFalse();
        assertThat(RightToLeftLines.mixesChineseIntoRightToLeft(PLACE)).isTrue();
    }

    /** The text's drawn bounds and the label's box, in the scene, laid out right to left at {@code width}. */
    private Bounds[] laidOut(String text, double width, boolean ownLines) {
        assertThat(UKIJ).as("UKIJ Tuz (Debian fonts-ukij-uyghur)").isReadable();
        AtomicReference<Bounds[]> out = new AtomicReference<>();
        robot.interact(() -> {
            Label label = new Label();
            label.setStyle("-fx-font-family: 'UKIJ Tuz'; -fx-font-size: 33.6px;");
            if (ownLines) {
                RightToLeftLines.set(label, text);
            } else {
                label.setText(text);
                label.setWrapText(true);
                label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            VBox box = new VBox(label);
            box.setNodeOrientation(NodeOrientation.RIGHT_TO_LEFT);
            new Scene(box, width, 800);
            box.applyCss();
            for (int pass = 0; pass < 4 && (pass == 0 || box.isNeedsLayout()); pass++) {
                box.layout();
            }
            Text drawn = (Text) label.lookup(".text");
            assertThat(drawn.getText()).as("nothing cut to …").isEqualTo(label.getText());
            out.set(new Bounds[] {drawn.localToScene(drawn.getBoundsInLocal()),
                    label.localToScene(label.getLayoutBounds())});
        });
        return out.get();
    }
}
