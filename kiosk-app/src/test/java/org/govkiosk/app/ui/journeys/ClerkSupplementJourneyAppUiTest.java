package org.govkiosk.app.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseTransition;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.Material;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.MaterialRequirement;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.EntryState;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * 补正 asked for by a clerk after a complete application (headless, the repository's configuration, simulated
 * devices, a reference platform of the test's own): the citizen applies with every material and takes the receipt;
 * the department's clerk asks, through the platform's clerk endpoint, for one material again, naming it; the
 * citizen comes back, identifies by ID card, finds the case waiting for that material, hands it in, takes the
 * receipt (read back from the receipt printer's simulator) and the platform has the case accepted. A clerk's 补正
 * that names nothing (a signature to add at a window) is shown with where to go, and nothing to hand in here.
 */
class ClerkSupplementJourneyAppUiTest {

    @RegisterExtension
    final PlatformAndTerminal env = PlatformAndTerminal.standard();

    private RealPlatform platform;
    private TerminalRig rig;
    private FxRobot robot;

    @BeforeEach
    void start() {
        platform = env.platform();
        rig = env.rig();
        robot = rig.robot();
    }

    @Test
    void theClerkAsksForOneMaterialAndTheCitizenHandsItInAtTheTerminal() throws Exception {
        // The material asked for: the item's key material that is no e-licence (a paper one the clerk can reject).
        List<MaterialRequirement> materials = pensionItem().materials();
        int asked = keyPaperMaterial(materials);
        String askedCode = String.format("M%02d", asked + 1);
        String askedName = materials.get(asked).name();

        String number = applyWithEveryMaterial();

        // The department finds the paper wanting and asks for it again, by its code.
        HttpResponse<String> moved = clerkAsks(number, new CaseTransition(CaseState.NEEDS_SUPPLEMENT,
                "须提供原件", List.of(askedCode)));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(platformCase(number).missingMaterials()).extracting(Material::code).containsExactly(askedCode);

        // The citizen comes back: identify by ID card, 办件查询 by card.
        leaveAndComeBackToTheProgressQuery(number);
        assertThat(rig.text("#progress-state-" + number)).isEqualTo("办理状态：待补正");
        assertThat(rig.text("#progress-supplement-" + number))
                .isEqualTo("需补正：请补正以下材料：1. " + askedName + "。须提供原件");
        assertThat(robot.lookup("#progress-supplement-window-" + number).tryQuery()).isEmpty();
        TerminalRig.waitFor(10, () -> !robot.lookup("#progress-hand-in").queryButton().isDisabled());

        // 补交材料: exactly the one material asked for.
        rig.tap("#progress-hand-in");
        assertThat(rig.screen()).isEqualTo(ScreenId.SUPPLEMENT);
        assertThat(rig.text("#supplement-case")).contains(number);
        assertThat(robot.lookup(".check-box").queryAll()).hasSize(1);
        assertThat(robot.lookup("#supplement-confirm").queryButton().isDisabled()).isTrue();
        int printedBefore = printedDocuments();
        robot.clickOn("#supplement-material-" + askedCode);
        robot.clickOn("#supplement-confirm");
        TerminalRig.waitFor(30, () -> !rig.text("#supplement-headline").isEmpty());
        assertThat(rig.text("#supplement-headline")).isEqualTo("材料已补齐，办件已受理");
        TerminalRig.waitFor(30, () -> !rig.text("#supplement-paper").isEmpty());
        assertThat(rig.text("#supplement-paper")).startsWith("已打印受理回执");
        // A new paper came out (not the first visit's receipt again), decoded back from the ESC/POS stream.
        assertThat(printedDocuments()).isEqualTo(printedBefore + 1);
        String receipt = rig.simulator("receipt-1", "last").replaceAll("\\s+", "");
        // The demo card's holder (张伟, 110101198001011232) is on it masked only.
        assertThat(receipt).contains("受理回执", number, "110***********1232").doesNotContain(TerminalRig.PHONE)
                .doesNotContain("110101198001011232").doesNotContain("张伟");
        assertThat(rig.simulator("receipt-1", "qr").lines().toList()).singleElement()
                .satisfies(qr -> assertThat(qr).endsWith(number));

        // What the platform holds: accepted, nothing missing, the whole story in its history.
        CaseView accepted = platformCase(number);
        assertThat(accepted.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(accepted.missingMaterials()).isEmpty();
        assertThat(accepted.history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED,
                CaseState.NEEDS_SUPPLEMENT, CaseState.ACCEPTED);
        assertThat(rig.app().context().platformLink().outbox().entries(EntryState.CONFIRMED))
                .filteredOn(e -> e.kind() == EntryKind.SUPPLEMENT).hasSize(1);

        robot.clickOn("#supplement-done");
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.HOME);
    }

    @Test
    void aRequestNamingNoMaterialSendsTheCitizenToAWindow() throws Exception {
        String number = applyWithEveryMaterial();
        HttpResponse<String> moved = clerkAsks(number, new CaseTransition(CaseState.NEEDS_SUPPLEMENT,
                "请到3号窗口补签字"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        leaveAndComeBackToTheProgressQuery(number);
        assertThat(rig.text("#progress-state-" + number)).isEqualTo("办理状态：待补正");
        assertThat(rig.text("#progress-supplement-" + number)).isEqualTo("需补正：请到3号窗口补签字");
        assertThat(rig.text("#progress-supplement-window-" + number))
                .isEqualTo("本办件需按上述要求补正，无法在本机补交，请携带相关材料到服务窗口办理");
        assertThat(robot.lookup("#progress-hand-in").queryButton().isDisabled()).isTrue();
        assertThat(platformCase(number).state()).isEqualTo(CaseState.NEEDS_SUPPLEMENT);
    }

    /** Identify, apply for the pension item with every material, take the receipt; the case number. */
    private String applyWithEveryMaterial() throws Exception {
        rig.identifyWithIdCard();
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.HOME);
        rig.fillThePensionForm();
        rig.submit();
        assertThat(rig.text("#result-headline")).isEqualTo("申报成功，办理部门已收到您的申请");
        String number = rig.text("#result-number").substring("办件编号：".length());
        assertThat(rig.text("#result-paper")).isEqualTo("已打印受理回执，请取走");
        assertThat(rig.simulator("receipt-1", "last")).contains("受理回执", number);
        assertThat(platformCase(number).state()).isEqualTo(CaseState.SUBMITTED);
        return number;
    }

    /** The session ends; a new one by ID card opens 办件查询 and finds the case. */
    private void leaveAndComeBackToTheProgressQuery(String number) throws Exception {
        robot.clickOn("#finish");
        TerminalRig.waitFor(15, () -> rig.screen() == ScreenId.ATTRACT);
        rig.identifyWithIdCard();
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.HOME);
        robot.clickOn("#tile-query");
        assertThat(rig.screen()).isEqualTo(ScreenId.PROGRESS);
        robot.clickOn("#progress-by-card");
        TerminalRig.waitFor(20, () -> robot.lookup("#progress-state-" + number).tryQuery().isPresent());
    }

    /** How many documents the receipt printer's simulator has printed ("N documents; last: ..."). */
    private int printedDocuments() {
        return Integer.parseInt(rig.simulator("receipt-1", "printed").split(" ")[0]);
    }

    private HttpResponse<String> clerkAsks(String number, CaseTransition t) throws Exception {
        return platform.clerk("POST", ApiPaths.clerkCaseTransitions(number), "application/json",
                ApiJson.lenient().writeValueAsBytes(t));
    }

    /** The case as the platform holds it, asked through the terminal's own signed client. */
    private CaseView platformCase(String number) throws Exception {
        return rig.app().context().platformLink().connectingClient().queryCase(number);
    }

    private CatalogItem pensionItem() {
        return rig.app().context().catalog().items().stream().filter(i -> i.code().equals(TerminalRig.PENSION_ITEM))
                .findFirst().orElseThrow();
    }

    private static int keyPaperMaterial(List<MaterialRequirement> materials) {
        for (int i = 0; i < materials.size(); i++) {
            if (materials.get(i).key() && materials.get(i).eLicence().isEmpty()) {
                return i;
            }
        }
        throw new AssertionError("no key material that is no e-licence");
    }
}
