package org.govkiosk.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.session.SessionManager;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Help on every citizen screen, in the real terminal: the current screen's text, both languages, large type. */
class ScreenHelpAppUiTest {

    private TerminalRig rig;
    private FxRobot robot;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        rig = new TerminalRig(dir).start();
        robot = rig.robot();
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    private boolean helpShown() {
        return robot.lookup("#help-panel").query().isVisible();
    }

    private Label helpText() {
        return robot.lookup("#help-text").queryAs(Label.class);
    }

    private static String zh(String key) {
        return I18n.bundle(I18n.ZH_CN).getString(key);
    }

    @Test
    void eachScreenHasItsOwnHelpThatOneTapCloses() throws Exception {
        assertThat(robot.lookup("#help").query().isVisible()).as("no session on the attract screen").isFalse();
        robot.clickOn("#start");
        robot.clickOn("#help");
        assertThat(helpShown()).isTrue();
        assertThat(helpText().getText()).isEqualTo(zh("help.home"));
        robot.clickOn("#help-close");
        assertThat(helpShown()).isFalse();

        robot.clickOn("#tile-identify");
        assertThat(rig.screen()).isEqualTo(ScreenId.IDENTIFY);
        robot.clickOn("#help");
        assertThat(helpText().getText()).isEqualTo(zh("help.identify")).contains("电子社保卡");
        robot.clickOn("#help-text"); // a tap anywhere on the help closes it
        assertThat(helpShown()).isFalse();

        robot.clickOn("#lang-switch");
        robot.clickOn("#help");
        assertThat(helpText().getText()).isEqualTo(I18n.bundle(Locale.ENGLISH).getString("help.identify"))
                .startsWith("Place your resident ID card");
        robot.clickOn("#help-close");
    }

    @Test
    void helpFollowsLargeTypeAndIsGoneWithTheSession() throws Exception {
        robot.clickOn("#start");
        robot.clickOn("#help");
        double standard = helpText().getFont().getSize();
        robot.clickOn("#help-close");
        robot.clickOn("#elder-switch");
        robot.clickOn("#help");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(helpText().getFont().getSize()).as("large type (适老化)").isGreaterThan(standard * 1.5);

        Node panel = robot.lookup("#help-panel").query();
        assertThat(panel.isVisible()).isTrue();
        robot.interact(() -> rig.app().context().sessions().end(SessionManager.EndReason.TIMEOUT));
        assertThat(panel.isVisible()).as("help ends with the session").isFalse();
        assertThat(rig.screen()).isEqualTo(ScreenId.ATTRACT);

        robot.clickOn("#start");
        assertThat(helpShown()).as("the next citizen starts without it").isFalse();
        robot.clickOn("#help");
        assertThat(helpText().getFont().getSize()).as("and in standard type again").isEqualTo(standard);
    }
}
