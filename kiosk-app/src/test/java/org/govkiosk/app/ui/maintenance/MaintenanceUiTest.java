package org.govkiosk.app.ui.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import org.govkiosk.app.KioskApplication;
import org.govkiosk.app.config.LaunchOptions;
import org.govkiosk.app.config.PinHash;
import org.govkiosk.app.ui.ScreenId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.govkiosk.app.testkit.RepoConfig;

/** The real terminal headless with simulated devices: a technician goes through every maintenance tab. */
class MaintenanceUiTest {

    private static final String PIN = "135790";

    private final FxRobot robot = new FxRobot();
    private KioskApplication app;
    private Path dataDir;
    private String exportRoots;

    @BeforeEach
    void startTerminal(@TempDir Path dir) throws Exception {
        RepoConfig.copyTo(dir);
        Path yaml = dir.resolve("terminal.yaml");
        String text = Files.readString(yaml).replaceAll("listen:\\s*\\S+", "listen: 127.0.0.1:0");
        String hash = PinHash.hash(PIN.toCharArray()).encoded();
        text = text.replaceAll("(?m)^(\\s*)#?\\s*pin-hash:.*$", "$1pin-hash: \""
                + java.util.regex.Matcher.quoteReplacement(hash) + "\"");
        dataDir = dir.resolve("state");
        Files.writeString(yaml, text + "\nstorage:\n  data-dir: " + dataDir.toAbsolutePath() + "\n");
        // A folder with a sub-folder that is no mount point: the export finds no stick.
        Path media = Files.createDirectories(dir.resolve("media").resolve("not-a-stick"));
        exportRoots = System.setProperty(MaintenanceTabs.EXPORT_ROOTS, media.getParent().toString());
        FxToolkit.registerPrimaryStage();
        LaunchOptions options = new LaunchOptions(dir, true, Optional.empty(), false);
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(options));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stopTerminal() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        if (exportRoots == null) {
            System.clearProperty(MaintenanceTabs.EXPORT_ROOTS);
        } else {
            System.setProperty(MaintenanceTabs.EXPORT_ROOTS, exportRoots);
        }
    }

    /** Scrolls the pane that holds {@code query} until it is in sight, as a finger would. */
    private void showInItsList(String query) {
        robot.interact(() -> {
            javafx.scene.Node node = robot.lookup(query).query();
            javafx.scene.Node p = node.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof javafx.scene.control.ScrollPane pane) {
                double contentHeight = pane.getContent().getBoundsInLocal().getHeight();
                double viewport = pane.getViewportBounds().getHeight();
                double y = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                pane.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, y / (contentHeight - viewport)));
            }
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    @Test
    void aTechnicianTestsThePrinterAndVisitsEveryTab() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.context().allDevices().stream()
                .allMatch(d -> d.status().isUsable()));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F12).release(KeyCode.F12, KeyCode.SHIFT, KeyCode.CONTROL);
        for (char c : PIN.toCharArray()) {
            robot.clickOn("#pin-" + c);
        }
        robot.clickOn("#pin-ok");
        assertThat(app.ui().navigator().current()).isEqualTo(ScreenId.MAINTENANCE);

        assertThat(text("#maintenance-counts-receipt-1")).contains("打印 0");
        showInItsList("#selftest-receipt-1"); // the fourth device: the technician scrolls the list to it
        robot.clickOn("#selftest-receipt-1");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#selftest-result-receipt-1").startsWith("通过"));
        assertThat(text("#selftest-result-receipt-1")).contains("测试页已打印");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#maintenance-counts-receipt-1").contains("打印 1"));
        assertThat(app.context().deviceAdmin().simulatorCommand("receipt-1", "last").orElseThrow())
                .contains("demo-terminal-001");

        robot.clickOn("待发送队列");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#outbox-summary").contains("待发送"));

        robot.clickOn("导出日志");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#export-message").contains("未找到移动存储"));

        robot.clickOn("重新加载配置");
        robot.clickOn("#config-reload");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#config-message").equals("配置无变化"));

        robot.clickOn("使用统计");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#usage-summary").contains("服务"));
        robot.clickOn("#usage-30");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#usage-sessions").queryAs(
                javafx.scene.chart.BarChart.class).getData().size() == 1
                && ((javafx.scene.chart.XYChart.Series<?, ?>) robot.lookup("#usage-sessions")
                        .queryAs(javafx.scene.chart.BarChart.class).getData().get(0)).getData().size() == 30);

        robot.clickOn("#maintenance-back");
        String audit = Files.readString(dataDir.resolve("audit").resolve("audit.log"));
        assertThat(audit).contains("maintenance-selftest", "config-reload");
    }

    @Test
    void aTechnicianSwitchesToTrainingAndEveryScreenAndPaperSaysSo() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.context().allDevices().stream()
                .allMatch(d -> d.status().isUsable()));
        assertThat(robot.lookup("#training-banner").query().isVisible()).as("no banner in regular service").isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F12).release(KeyCode.F12, KeyCode.SHIFT, KeyCode.CONTROL);
        for (char c : PIN.toCharArray()) {
            robot.clickOn("#pin-" + c);
        }
        robot.clickOn("#pin-ok");
        assertThat(text("#maintenance-training-state")).contains("正式服务");
        robot.clickOn("#maintenance-training");
        assertThat(text("#maintenance-training-state")).contains("培训模式");
        assertThat(robot.lookup("#maintenance-training").queryButton().getText()).isEqualTo("结束培训模式");
        assertThat(app.context().training().on()).isTrue();
        assertThat(Files.readString(app.context().dataDir().resolve("training-mode")).strip()).isEqualTo("on");

        // The printer test page is a paper too: it says 培训 SPECIMEN.
        showInItsList("#selftest-receipt-1");
        robot.clickOn("#selftest-receipt-1");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#selftest-result-receipt-1").startsWith("通过"));
        assertThat(app.context().deviceAdmin().simulatorCommand("receipt-1", "last").orElseThrow())
                .contains("培训", "SPECIMEN");

        robot.clickOn("#maintenance-back");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label banner = robot.lookup("#training-banner").queryAs(javafx.scene.control.Label.class);
        assertThat(banner.isVisible()).as("the banner on the service screens").isTrue();
        assertThat(banner.getText()).contains("培训模式");
        javafx.geometry.Bounds b = banner.localToScene(banner.getBoundsInLocal());
        assertThat(b.getWidth()).as("across the screen").isGreaterThan(banner.getScene().getWidth() * 0.9);
        assertThat(b.getMinY()).as("under the top bar, on screen").isBetween(1.0, banner.getScene().getHeight() / 4);

        String audit = Files.readString(dataDir.resolve("audit").resolve("audit.log"));
        assertThat(audit).contains("training-mode-on");
        // For a person to look at: kiosk-app/target/screenshots/training-home-{zh,en}.png
        var i18n = app.context().i18n();
        for (java.util.Locale locale : java.util.List.of(org.govkiosk.app.i18n.I18n.ZH_CN, java.util.Locale.ENGLISH)) {
            java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> shot =
                    new java.util.concurrent.atomic.AtomicReference<>();
            robot.interact(() -> {
                i18n.localeProperty().set(locale);
                banner.getScene().getRoot().applyCss();
                banner.getScene().getRoot().layout();
                shot.set(banner.getScene().snapshot(null));
            });
            org.govkiosk.app.testkit.Screenshots.write(shot.get(), Path.of("target", "screenshots",
                    "training-home-" + locale.getLanguage() + ".png"));
        }
    }
}
