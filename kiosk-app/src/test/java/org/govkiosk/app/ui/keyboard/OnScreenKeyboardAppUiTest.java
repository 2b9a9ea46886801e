package org.govkiosk.app.ui.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import org.govkiosk.app.testkit.Screenshots;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A citizen at the real terminal with no keyboard but the screen's: a phone number, a date and a Chinese address,
 * each written by tapping keys only. Every key is at least 60 px square and stays where it is while typing, and the
 * field typed into is never under the keyboard. Snapshots go to target/osk-*.png for a person to look at.
 */
class OnScreenKeyboardAppUiTest {

    /** 异地就医备案: its form asks where the citizen will be treated (就医地（省、市）), in Chinese. */
    private static final String REFERRAL_ITEM = "11449900MB2D2000024442113002000";
    private static final double MIN_KEY = 60;

    private TerminalRig rig;
    private FxRobot robot;

    @BeforeEach
    void startTerminal(@TempDir Path dir) throws Exception {
        rig = new TerminalRig(dir).start();
        robot = rig.robot();
    }

    @AfterEach
    void stopTerminal() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void aPhoneNumberAndADateWrittenByTappingKeysOnly() throws Exception {
        robot.clickOn("#start");
        robot.clickOn("#tile-identify");
        assertThat(rig.simulator("idcard-1", "card place demo-zhang")).startsWith("ok");
        TerminalRig.waitFor(10, () -> !rig.text("#identify-name").isEmpty());
        rig.simulator("idcard-1", "card remove");

        // Optional here (queries and printing need none), and said to be required for an application, as the forms
        // require it.
        assertThat(field("#identify-phone").getPromptText()).doesNotContain("选填");
        assertThat(rig.text("#identify-phone-hint")).contains("申请办事时须填写");
        robot.clickOn("#identify-phone");
        awaitKeyboard("#osk-phone");
        for (char c : TerminalRig.PHONE.toCharArray()) {
            robot.clickOn("#osk-key-" + c);
        }
        assertThat(field("#identify-phone").getText()).isEqualTo(TerminalRig.PHONE);
        assertKeysAreLargeEnough();
        assertFieldIsAboveTheKeyboard("#identify-phone");
        snapshot("osk-phone");

        // Large type: the same keys, larger, and the field still above them.
        robot.clickOn("#elder-switch");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(keyboardShown()).as("a tap outside the field and keyboard").isFalse();
        robot.clickOn("#identify-phone");
        awaitKeyboard("#osk-phone");
        robot.clickOn("#osk-backspace");
        robot.clickOn("#osk-key-8");
        assertThat(field("#identify-phone").getText()).isEqualTo(TerminalRig.PHONE);
        assertKeysAreLargeEnough();
        assertFieldIsAboveTheKeyboard("#identify-phone");
        snapshot("osk-phone-elder");
        robot.clickOn("#osk-done");
        robot.clickOn("#elder-switch"); // the catalog's long lists are easier to reach in standard type
        assertThat(keyboardShown()).isFalse();
        robot.clickOn("#identify-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rig.screen()).isEqualTo(ScreenId.HOME);

        robot.clickOn("#tile-guide");
        robot.clickOn("#catalog-group-0");
        robot.clickOn("#catalog-result-" + TerminalRig.PENSION_ITEM);
        robot.clickOn("#guide-apply");
        assertThat(field("#field-phone").getText()).as("the phone given at identification").isEqualTo(TerminalRig.PHONE);
        robot.clickOn("#elder-switch");
        swipeToTheEndOfTheForm();
        robot.clickOn("#field-retired-on");
        awaitKeyboard("#osk-date");
        int year = Integer.parseInt(rig.text("#osk-date-year"));
        robot.clickOn("#osk-date-year-minus-1");
        robot.clickOn("#osk-date-month-3");
        assertKeysAreLargeEnough();
        assertFieldIsAboveTheKeyboard("#field-retired-on");
        snapshot("osk-date-elder");
        robot.clickOn("#osk-date-day-1");
        assertThat(field("#field-retired-on").getText()).isEqualTo((year - 1) + "-03-01");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#osk-date").tryQuery().filter(n -> n.isVisible()))
                .as("the day completes the date and the picker goes").isEmpty();
        robot.clickOn("#apply-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rig.screen()).as("form problems: %s", rig.texts()).isEqualTo(ScreenId.APPLY_MATERIALS);
    }

    @Test
    void aChineseAddressWrittenInPinyinInLargeTypeAndInEnglish() throws Exception {
        rig.identifyWithIdCard();
        robot.clickOn("#tile-guide");
        robot.clickOn("#catalog-group-1");
        robot.clickOn("#catalog-result-" + REFERRAL_ITEM);
        robot.clickOn("#guide-apply");
        robot.clickOn("#elder-switch");
        swipeToTheEndOfTheForm();
        robot.clickOn("#field-place");
        awaitKeyboard("#osk-chinese");
        Map<String, Bounds> before = keyBounds();
        write("guangdong", "广东");
        write("sheng", "省");
        write("guangzhou", "广州");
        write("shi", "市");
        write("tianhe", "天河");
        write("qu", "区");
        assertThat(field("#field-place").getText()).isEqualTo("广东省广州市天河区");
        assertThat(keyBounds()).as("no key moved or changed size while typing").isEqualTo(before);
        assertKeysAreLargeEnough();
        assertFieldIsAboveTheKeyboard("#field-place");
        robot.clickOn("#osk-key-t");
        robot.clickOn("#osk-key-i");
        robot.clickOn("#osk-key-a");
        robot.clickOn("#osk-key-n");
        snapshot("osk-chinese-elder");
        robot.clickOn("#osk-backspace");
        robot.clickOn("#osk-backspace");
        robot.clickOn("#osk-backspace");
        robot.clickOn("#osk-backspace");

        // Leaving the field for the bar's language switch takes the keyboard away; it comes back in English.
        robot.clickOn("#lang-switch");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(keyboardShown()).isFalse();
        // In English the title takes two lines: the form shows less, so bring the field into view as a finger would.
        swipeUntilShown("#field-place");
        robot.clickOn("#field-place");
        awaitKeyboard("#osk-chinese");
        assertThat(robot.lookup("#osk-done").queryButton().getText()).isEqualTo("Done");
        robot.clickOn("#osk-language");
        for (char c : " 510000".toCharArray()) {
            robot.clickOn(c == ' ' ? "#osk-space" : "#osk-key-" + c);
        }
        assertThat(field("#field-place").getText()).isEqualTo("广东省广州市天河区 510000");
        assertKeysAreLargeEnough();
        assertFieldIsAboveTheKeyboard("#field-place");
        snapshot("osk-latin-elder-en");

        robot.clickOn("#back");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(keyboardShown()).as("the keyboard goes with the screen").isFalse();
    }

    /** Spells {@code pinyin} key by key, then taps {@code wanted} among the candidates, paging on to find it. */
    private void write(String pinyin, String wanted) {
        for (char c : pinyin.toCharArray()) {
            robot.clickOn("#osk-key-" + c);
        }
        for (int page = 0; page < 5; page++) {
            for (int slot = 0; slot < KeyboardViewModel.PAGE_SIZE; slot++) {
                Button candidate = robot.lookup("#osk-candidate-" + slot).queryButton();
                if (wanted.equals(candidate.getText())) {
                    robot.clickOn(candidate);
                    return;
                }
            }
            robot.clickOn("#osk-page-next");
        }
        throw new AssertionError(wanted + " not among the candidates of " + pinyin);
    }

    private void swipeUntilShown(String query) {
        robot.interact(() -> {
            ScrollPane pane = robot.lookup("#apply-form .scroll-pane").queryAs(ScrollPane.class);
            Node field = robot.lookup(query).query();
            double content = pane.getContent().getLayoutBounds().getHeight();
            double view = pane.getViewportBounds().getHeight();
            double y = pane.getContent().sceneToLocal(field.localToScene(field.getLayoutBounds())).getMinY();
            pane.setVvalue(content <= view ? 0 : Math.max(0, Math.min(1, (y - 24) / (content - view))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void swipeToTheEndOfTheForm() {
        robot.interact(() -> robot.lookup("#apply-form .scroll-pane").queryAs(ScrollPane.class).setVvalue(1));
    }

    private void awaitKeyboard(String layout) throws Exception {
        TerminalRig.waitFor(5, () -> keyboardShown() && robot.lookup(layout).tryQuery().map(Node::isVisible)
                .orElse(false));
    }

    private boolean keyboardShown() {
        return robot.lookup("#osk").query().isVisible();
    }

    private TextInputControl field(String query) {
        return robot.lookup(query).queryTextInputControl();
    }

    private java.util.List<Node> keys() {
        return robot.lookup("#osk .osk-button").queryAll().stream().filter(OnScreenKeyboardAppUiTest::shown)
                .toList();
    }

    private Map<String, Bounds> keyBounds() {
        Map<String, Bounds> bounds = new LinkedHashMap<>();
        for (Node key : keys()) {
            bounds.put(key.getId(), key.localToScene(key.getLayoutBounds()));
        }
        return bounds;
    }

    private void assertKeysAreLargeEnough() {
        assertThat(keys()).isNotEmpty().allSatisfy(key -> {
            Bounds b = key.getLayoutBounds();
            assertThat(b.getWidth()).as("width of %s", key.getId()).isGreaterThanOrEqualTo(MIN_KEY);
            assertThat(b.getHeight()).as("height of %s", key.getId()).isGreaterThanOrEqualTo(MIN_KEY);
        });
        Bounds keyboard = bounds(robot.lookup("#osk").query());
        Scene scene = robot.lookup("#osk").query().getScene();
        assertThat(keyboard.getMaxX()).as("the keyboard fits the screen").isLessThanOrEqualTo(scene.getWidth());
        assertThat(keyboard.getMinX()).isGreaterThanOrEqualTo(0);
        assertThat(keyboard.getMaxY()).isLessThanOrEqualTo(scene.getHeight());
        for (Node key : keys()) {
            Bounds b = bounds(key);
            assertThat(b.getMinX() >= keyboard.getMinX() && b.getMaxX() <= keyboard.getMaxX())
                    .as("%s inside the keyboard", key.getId()).isTrue();
        }
    }

    private void assertFieldIsAboveTheKeyboard(String query) {
        Bounds field = bounds(robot.lookup(query).query());
        Bounds keyboard = bounds(robot.lookup("#osk").query());
        assertThat(field.intersects(keyboard)).as("field %s %s under the keyboard %s", query, field, keyboard)
                .isFalse();
        assertThat(field.getMaxY()).isLessThanOrEqualTo(keyboard.getMinY());
        Bounds topBar = bounds(robot.lookup(".top-bar").query());
        assertThat(field.getMinY()).as("field %s below the top bar", query).isGreaterThanOrEqualTo(topBar.getMaxY());
    }

    /** On screen: in the scene, and neither it nor any of its parents hidden. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static Bounds bounds(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    /** The screen as a citizen sees it, written to target/NAME.png. */
    private void snapshot(String name) throws IOException {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        robot.interact(() -> shot.set(robot.lookup("#osk").query().getScene().snapshot(null)));
        Screenshots.write(shot.get(), Paths.get("target", name + ".png"));
    }
}
