package org.govkiosk.app.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.govkiosk.api.Attachment;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.EntryState;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.govkiosk.app.ui.apply.ApplyViewModel;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.app.ui.supplement.SupplementViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scanning a paper material with the document camera (a camera-folder device set up for documents): the page is
 * attached to its material, kept encrypted in the outbox while the platform is down, and stored by the platform
 * once it is back. Without a working document camera "scan" is not offered and the material can still be declared.
 */
class DocumentScanJourneyAppUiTest {

    /** 解除或终止劳动合同证明 (a copy, deferrable) of the pension item: the fourth material. */
    private static final String PAPER_MATERIAL = "#material-3";

    @RegisterExtension
    final PlatformAndTerminal env = PlatformAndTerminal.configured((terminal, setup) -> terminal.withDevices("""
              - id: doccam-1
                family: qr-scanner
                model: camera-folder
                transport: system
                poll-interval: 100ms
                options: { folder: "%s", settle: "0", processed: delete, documents: "true" }
            """.formatted(Files.createDirectories(setup.dir().resolve("doccam")).toAbsolutePath())));

    private RealPlatform platform;
    private TerminalRig rig;
    private Path camera;

    @BeforeEach
    void start() {
        platform = env.platform();
        rig = env.rig();
        camera = env.dir().resolve("doccam");
    }

    /** A photo of a paper page as the camera software writes it: to a temporary name, then renamed into place. */
    private void cameraTakesAPicture() throws Exception {
        BufferedImage page = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1600, 1200);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 48));
        for (int line = 0; line < 12; line++) {
            g.drawString("TERMINATION OF LABOUR CONTRACT - line " + line, 80, 120 + line * 80);
        }
        g.dispose();
        Path part = camera.resolve("IMG_0001.jpg.part");
        ImageIO.write(page, "jpeg", part.toFile());
        Files.move(part, camera.resolve("IMG_0001.jpg"), StandardCopyOption.ATOMIC_MOVE);
    }

    /** A tap on a control that may sit below the fold of the checklist's scroll pane. */
    private void tap(String query) {
        javafx.scene.control.ButtonBase b = rig.robot().lookup(query).queryAs(javafx.scene.control.ButtonBase.class);
        rig.robot().interact(b::fire);
    }

    private static boolean fileContains(Path file, byte[] needle) throws Exception {
        if (!Files.exists(file)) {
            return false;
        }
        byte[] hay = Files.readAllBytes(file);
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void aScannedPageTravelsWithTheCaseEncryptedWhileQueuedAndIsStoredByThePlatform() throws Exception {
        rig.identifyWithIdCard();
        rig.fillThePensionForm();
        assertThat(rig.robot().lookup("#material-0-scan").tryQuery()).as("an e-licence is not scanned").isEmpty();
        assertThat(rig.robot().lookup(PAPER_MATERIAL + "-scan").query().isVisible()).isTrue();
        tap(PAPER_MATERIAL + "-scan");
        assertThat(rig.text(PAPER_MATERIAL + "-scan-status")).startsWith("请将材料正面朝上平放在高拍仪下");
        cameraTakesAPicture();
        TerminalRig.waitFor(30, () -> rig.text(PAPER_MATERIAL + "-scan-status").startsWith("已扫描 1 页"));
        ApplyViewModel apply = (ApplyViewModel) rig.app().ui().sessionModels().get(3);
        Attachment page = apply.materials().get(3).pages().get(0);
        assertThat(page.mediaType()).isEqualTo("image/jpeg");
        assertThat(page.size()).isBetween(1_000, Attachment.MAX_BYTES);
        assertThat(rig.robot().lookup(PAPER_MATERIAL + "-provided").queryAs(javafx.scene.control.ToggleButton.class)
                .isSelected()).as("a scanned material counts as provided").isTrue();

        platform.stop();
        rig.submit();
        assertThat(rig.text("#result-headline")).startsWith("网络暂时中断");
        Outbox outbox = rig.app().context().platformLink().outbox();
        String key = outbox.entries().stream().filter(e -> e.kind() == EntryKind.CASE).findFirst().orElseThrow()
                .idempotencyKey();
        // At rest in the outbox the page is encrypted with the rest of the case: neither its bytes nor its base64.
        Path db = rig.app().context().dataDir().resolve("outbox").resolve("outbox.db");
        byte[] raw = java.util.Arrays.copyOfRange(page.content(), 600, 664);
        byte[] base64 = Base64.getEncoder().encodeToString(raw).substring(4, 60).getBytes(StandardCharsets.US_ASCII);
        for (Path f : List.of(db, Path.of(db + "-wal"))) {
            assertThat(fileContains(f, raw)).as(f + " holds the page in the clear").isFalse();
            assertThat(fileContains(f, base64)).as(f + " holds the page's base64").isFalse();
        }

        platform.restart();
        TerminalRig.waitFor(90, () -> outbox.entries(EntryState.CONFIRMED).stream()
                .anyMatch(e -> e.idempotencyKey().equals(key)));
        assertThat(platform.storedPages()).containsExactly("M04/1/" + page.sha256());
    }

    @Test
    void aMaterialMissingAtApplyingIsScannedWhenHandedInLater() throws Exception {
        rig.identifyWithIdCard();
        rig.fillThePensionForm();
        tap(PAPER_MATERIAL + "-missing");
        rig.submit();
        assertThat(rig.text("#result-headline")).contains("待补正");
        String number = rig.text("#result-number").substring("办件编号：".length());
        rig.robot().clickOn("#finish");
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.ATTRACT);

        // Back with the paper: identify, find the case, hand the material in by scanning it.
        rig.identifyWithIdCard();
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.HOME);
        rig.robot().clickOn("#tile-query");
        rig.robot().clickOn("#progress-by-card");
        TerminalRig.waitFor(20, () -> rig.robot().lookup("#progress-state-" + number).tryQuery().isPresent()
                && !rig.robot().lookup("#progress-hand-in").queryButton().isDisabled());
        rig.tap("#progress-hand-in");
        String row = "#supplement-material-M04";
        assertThat(rig.robot().lookup(row).queryAs(javafx.scene.control.CheckBox.class).isSelected()).isFalse();
        tap(row + "-scan");
        assertThat(rig.text(row + "-scan-status")).startsWith("请将材料正面朝上平放在高拍仪下");
        cameraTakesAPicture();
        TerminalRig.waitFor(30, () -> rig.text(row + "-scan-status").startsWith("已扫描 1 页"));
        assertThat(rig.robot().lookup(row).queryAs(javafx.scene.control.CheckBox.class).isSelected())
                .as("a scanned material counts as brought").isTrue();
        tap("#supplement-confirm");
        TerminalRig.waitFor(60, () -> !rig.text("#supplement-headline").isEmpty());

        assertThat(rig.text("#supplement-headline")).isEqualTo("材料已补齐，办件已受理");
        SupplementViewModel supplement = rig.app().ui().sessionModels().stream()
                .filter(SupplementViewModel.class::isInstance).map(SupplementViewModel.class::cast).findFirst()
                .orElseThrow();
        Attachment page = supplement.rows().get(0).scans().pages().get(0);
        assertThat(platform.storedPages()).as("the page stored by the platform with the supplement")
                .containsExactly("M04/1/" + page.sha256());
    }

    @Test
    void withTheDocumentCameraOfflineScanIsNotOfferedAndThePaperCanStillBeDeclared() throws Exception {
        Path away = Files.move(camera, camera.resolveSibling("doccam-unplugged"));
        TerminalRig.waitFor(15, () -> rig.app().context().allDevices().stream()
                .filter(d -> d.id().equals("doccam-1")).allMatch(d -> d.status().status() == DeviceStatus.OFFLINE));
        rig.identifyWithIdCard();
        rig.fillThePensionForm();
        assertThat(rig.robot().lookup(PAPER_MATERIAL + "-scan").query().isVisible()).isFalse();
        tap(PAPER_MATERIAL + "-provided");

        Files.move(away, camera);
        TerminalRig.waitFor(15, () -> rig.robot().lookup(PAPER_MATERIAL + "-scan").query().isVisible());

        rig.submit();
        assertThat(rig.text("#result-headline")).isEqualTo("申报成功，办理部门已收到您的申请");
        assertThat(rig.screen()).isEqualTo(ScreenId.APPLY_RESULT);
        assertThat(platform.storedPages()).isEmpty();
        assertThat(platform.clerk("GET", org.govkiosk.api.ApiPaths.CLERK_CASES, null, null).body())
                .contains(TerminalRig.PENSION_ITEM);
    }
}
