package org.govkiosk.app.ui.supplement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.govkiosk.api.CaseState;
import org.govkiosk.app.KioskApplication;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.MaterialRequirement;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.EntryState;
import org.govkiosk.app.platform.PlatformException;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 补正 end to end in the real terminal (headless, the repository's configuration, simulated devices, the embedded
 * platform): apply with a key material missing, take the one-time notification (read back from the receipt
 * printer's simulator), see the platform file the case as NEEDS_SUPPLEMENT; end the session; come back, identify
 * by ID card, find the case, hand in the material, take the receipt, and see the platform accept the case.
 */
class SupplementJourneyAppUiTest {

    /** 基本养老保险待遇申领: a 承诺件 of the demo catalog with a key material that is no e-licence. */
    private static final String ITEM = TerminalRig.PENSION_ITEM;

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

    private ScreenId screen() {
        return rig.screen();
    }

    /** What the platform holds for the case, asked through the terminal's own signed client. */
    private CaseState platformState(String number) throws PlatformException {
        return app.context().platformLink().connectingClient().queryCase(number).state();
    }

    private void identifyWithTheIdCard() throws Exception {
        rig.identifyWithIdCard();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> screen() == ScreenId.HOME);
    }

    @Test
    void applyWithAMissingMaterialLeaveComeBackByIdCardAndHandItIn() throws Exception {
        CatalogItem item = app.context().catalog().items().stream().filter(i -> i.code().equals(ITEM)).findFirst()
                .orElseThrow();
        List<MaterialRequirement> materials = item.materials();
        int keyIndex = keyIndex(materials);
        MaterialRequirement key = materials.get(keyIndex);
        String keyCode = String.format("M%02d", keyIndex + 1);

        // First visit: apply without the key material.
        identifyWithTheIdCard();
        rig.fillThePensionForm();
        robot.clickOn("#material-" + keyIndex + "-missing");
        robot.clickOn("#materials-next");
        robot.clickOn("#confirm-submit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#result-headline").tryQuery().isPresent()
                && !text("#result-headline").isEmpty());
        assertThat(text("#result-headline")).contains("待补正");
        String number = text("#result-number").substring("办件编号：".length());
        assertThat(text("#result-paper")).startsWith("已打印一次性告知书");
        // No A4 printer in the demo: the one-time notification came out of the receipt printer, listing the gap.
        String notification = simulator("receipt-1", "last").replaceAll("\\s+", "");
        assertThat(notification).contains("一次性告知书", number, key.name().replaceAll("\\s+", ""));
        assertThat(platformState(number)).isEqualTo(CaseState.NEEDS_SUPPLEMENT);

        // The citizen leaves: the session ends and nothing of theirs stays on screen.
        robot.clickOn("#finish");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> screen() == ScreenId.ATTRACT);

        // Second visit: identify by ID card, find the case, hand in the material.
        identifyWithTheIdCard();
        robot.clickOn("#tile-query");
        assertThat(screen()).isEqualTo(ScreenId.PROGRESS);
        robot.clickOn("#progress-by-card");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#progress-state-" + number).tryQuery().isPresent());
        assertThat(text("#progress-state-" + number)).isEqualTo("办理状态：待补正");
        assertThat(text("#progress-supplement-" + number)).contains(key.name());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#progress-hand-in").queryButton().isDisabled());
        rig.tap("#progress-hand-in");
        assertThat(screen()).isEqualTo(ScreenId.SUPPLEMENT);
        assertThat(text("#supplement-case")).contains(number);
        assertThat(robot.lookup(".check-box").queryAll()).hasSize(1);
        assertThat(robot.lookup("#supplement-confirm").queryButton().isDisabled()).isTrue();
        robot.clickOn("#supplement-material-" + keyCode);
        robot.clickOn("#supplement-confirm");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text("#supplement-headline").isEmpty());
        assertThat(text("#supplement-headline")).isEqualTo("材料已补齐，办件已受理");
        // The headline comes with the platform's answer, the paper line once the receipt is out.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !text("#supplement-paper").isEmpty());
        assertThat(text("#supplement-paper")).startsWith("已打印受理回执");
        String receipt = simulator("receipt-1", "last").replaceAll("\\s+", "");
        assertThat(receipt).contains("受理回执", number).doesNotContain("13812345678");
        assertThat(platformState(number)).isEqualTo(CaseState.ACCEPTED);
        assertThat(app.context().platformLink().outbox().entries(EntryState.CONFIRMED))
                .filteredOn(e -> e.kind() == EntryKind.SUPPLEMENT).hasSize(1);

        robot.clickOn("#supplement-done");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> screen() == ScreenId.HOME);
    }

    private static int keyIndex(List<MaterialRequirement> materials) {
        for (int i = 0; i < materials.size(); i++) {
            if (materials.get(i).key() && materials.get(i).eLicence().isEmpty()) {
                return i;
            }
        }
        throw new AssertionError("no key material that is no e-licence");
    }
}
