package org.govkiosk.app.ui.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.govkiosk.app.KioskApplication;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The application journey in the real terminal (headless, the repository's configuration, simulated devices, the
 * embedded platform): identify with the ID card, open an item's guide, apply, and read back the receipt from the
 * receipt printer's simulator; then query the case by scanning the receipt's QR code.
 */
class ApplyJourneyAppUiTest {

    /** 基本养老保险待遇申领: a 承诺件 of the demo catalog under the first department. */
    private static final String ITEM = "11449900MB2C1000014442113003000";

    private TerminalRig rig;
    private FxRobot robot;
    private KioskApplication app;

    @BeforeEach
    void startTerminal(@TempDir Path dir) throws Exception {
        rig = new TerminalRig(dir).start();
        robot = rig.robot();
        app = rig.app();
    }

    @AfterEach
    void stopTerminal() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    private String text(String query) {
        return rig.text(query);
    }

    private String simulator(String deviceId, String command) {
        return rig.simulator(deviceId, command);
    }

    @Test
    void applyWithTheIdCardPrintTheReceiptAndQueryItByScanningTheReceipt() throws Exception {
        rig.identifyWithIdCard();
        robot.clickOn("#tile-guide");
        robot.clickOn("#catalog-group-0");
        robot.clickOn("#catalog-result-" + ITEM);
        robot.clickOn("#guide-apply");

        assertThat(app.ui().navigator().current().name()).isEqualTo("APPLY_FORM");
        assertThat((Object) robot.lookup("#field-name").query()).as("off the card, not an input")
                .isNotInstanceOf(javafx.scene.control.TextInputControl.class);
        // The field may sit below the fold of the form's scroll pane: focus it as a tap would, then type.
        robot.interact(() -> robot.lookup("#field-retired-on").query().requestFocus());
        robot.write("2025-03-01");
        robot.clickOn("#apply-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.ui().navigator().current().name()).as("form problems: %s", robot.lookup(".label").queryAll()
                .stream().map(n -> ((javafx.scene.control.Labeled) n).getText())
                .filter(t -> t != null && !t.isBlank()).toList()).isEqualTo("APPLY_MATERIALS");
        robot.clickOn("#materials-next");
        robot.clickOn("#confirm-submit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#result-headline").tryQuery().isPresent()
                && !text("#result-headline").isEmpty());
        assertThat(text("#result-headline")).isEqualTo("申报成功，办理部门已收到您的申请");
        String number = text("#result-number").substring("办件编号：".length());
        assertThat(text("#result-paper")).isEqualTo("已打印受理回执，请取走");
        assertThat(simulator("receipt-1", "last")).contains("受理回执", number).doesNotContain("13812345678");

        // Found without TestFX's visibility filter, which walks the nodes off the FX thread and under heavy load
        // has met this button with no scene for a moment (NullPointerException inside TestFX); the click is real.
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#result-done").queryButton());
        // 一次一评: the finished journey is rated at once; a bad level needs a reason.
        assertThat(app.ui().navigator().current().name()).isEqualTo("RATE");
        assertThat(text("#pad-item")).contains("基本养老保险待遇申领");
        robot.clickOn("#pad-level-2");
        robot.clickOn("#pad-submit");
        assertThat(app.ui().navigator().current().name()).as("no reason chosen yet").isEqualTo("RATE");
        robot.clickOn("#pad-reason-SERVICE_EFFICIENCY");
        robot.clickOn("#pad-submit");
        var outbox = app.context().platformLink().outbox();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> outbox.entries(
                org.govkiosk.app.outbox.EntryState.CONFIRMED).stream()
                .anyMatch(e -> e.kind() == org.govkiosk.app.outbox.EntryKind.RATING));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.ui().navigator().current() == ScreenId.HOME);
        robot.clickOn("#tile-query");
        assertThat(app.ui().navigator().current().name()).isEqualTo("PROGRESS");
        // The receipt's QR payload, scanned as the citizen holds the receipt to the scanner.
        String qr = simulator("receipt-1", "printed");
        assertThat(qr).as("the progress code and the rating code (评价二维码)").contains("2 QR codes");
        assertThat(simulator("qr-1", "scan https://zwfw.example.gov.cn/progress?c=" + number)).startsWith("ok");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#progress-state-" + number).tryQuery().isPresent());
        assertThat(text("#progress-state-" + number)).isEqualTo("办理状态：已申报");
    }
}
