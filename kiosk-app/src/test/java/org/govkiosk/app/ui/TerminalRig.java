package org.govkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import org.govkiosk.app.KioskApplication;
import org.govkiosk.app.config.LaunchOptions;
import org.govkiosk.app.platform.RealPlatform;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.govkiosk.app.testkit.RepoConfig;
import org.govkiosk.testkit.SkipAheadClock;

/**
 * The real terminal for whole-journey UI tests: the repository's configuration copied to a temporary folder, with
 * extra devices and, when given, a reference platform of the test's own instead of the embedded one (so the test
 * can stop it, restart it and read what it stored). Shared by the journey tests so each says only its journey.
 */
public final class TerminalRig implements AutoCloseable {

    /** 基本养老保险待遇申领: a 承诺件 of the demo catalog under the first department. */
    public static final String PENSION_ITEM = "11449900MB2C1000014442113003000";
    public static final String PHONE = "13812345678";

    private final Path dir;
    private final FxRobot robot = new FxRobot();
    private final SkipAheadClock clock = new SkipAheadClock();
    private RealPlatform platform;
    private KioskApplication app;
    private Optional<LaunchOptions.Mode> mode = Optional.empty();

    public TerminalRig(Path dir) throws IOException {
        this.dir = dir;
        RepoConfig.copyTo(dir);
        Path yaml = dir.resolve("terminal.yaml");
        // A free ops port: other terminals (other tests, other runs) must not collide on 9464.
        Files.writeString(yaml, Files.readString(yaml).replaceAll("listen:\\s*\\S+", "listen: 127.0.0.1:0")
                + "\nstorage:\n  data-dir: " + dir.resolve("state").toAbsolutePath() + "\n");
    }

    /** Edits the terminal's terminal.yaml before it starts. */
    public TerminalRig withTerminalYaml(java.util.function.UnaryOperator<String> edit) throws IOException {
        Path yaml = dir.resolve("terminal.yaml");
        Files.writeString(yaml, edit.apply(Files.readString(yaml)));
        return this;
    }

    /** Starts the terminal as a window rating pad ({@code --mode=pad}) or a kiosk. */
    public TerminalRig withMode(LaunchOptions.Mode mode) {
        this.mode = Optional.of(mode);
        return this;
    }

    /** Adds devices: YAML list items, indented by two spaces, as devices.yaml has them. */
    public TerminalRig withDevices(String yamlItems) throws IOException {
        Files.writeString(dir.resolve("devices.yaml"), "\n" + yamlItems + "\n", StandardOpenOption.APPEND);
        return this;
    }

    /** Adds an A4 document printer {@code a4-1} that prints through CUPS/IPP to {@code printer}. */
    public TerminalRig withA4Printer(FakeIppPrinter printer) throws IOException {
        return withDevices("""
                  - id: a4-1
                    family: document-printer
                    transport: system
                    port: hall-a4
                    poll-interval: 1s
                    options: { cups-server: "%s" }
                """.formatted(printer.hostPort()));
    }

    /** Connects to {@code platform} (as a real terminal does, registering with its enrolment token). */
    public TerminalRig withPlatform(RealPlatform platform) throws IOException {
        this.platform = platform;
        Path token = dir.resolve("enrolment-token");
        Files.writeString(token, platform.enrolmentToken());
        Path yaml = dir.resolve("terminal.yaml");
        Files.writeString(yaml, Files.readString(yaml).replaceAll("(?m)^platform:\\s*\\n\\s*url:.*$",
                "platform:\n  url: " + platform.baseUrl() + "\n  enrolment-token-file: " + token.toAbsolutePath()));
        return this;
    }

    /** Starts the terminal and waits until every device works and, with a platform of the test's, it registered. */
    public TerminalRig start() throws Exception {
        FxToolkit.registerPrimaryStage();
        // The terminal starts its devices, outbox and (in demo) the embedded platform: on a loaded machine that
        // outlasts TestFX's default setup wait.
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(60_000);
        boolean demo = platform == null;
        app = (KioskApplication) FxToolkit.setupApplication(
                () -> new KioskApplication(new LaunchOptions(dir, demo, mode, false), clock));
        waitFor(20, () -> app.context().allDevices().stream().allMatch(d -> d.status().isUsable()));
        if (platform != null) {
            waitFor(20, () -> platform.clerk("GET", org.govkiosk.api.ApiPaths.CLERK_TERMINALS, null, null).body()
                    .contains(app.context().config().terminal().id()));
        }
        return this;
    }

    public KioskApplication app() {
        return app;
    }

    /**
     * Lets {@code time} pass on the terminal's clock at once, as it would between two things a person does (say,
     * a receipt taken away from the scanner and shown again).
     */
    public void pass(java.time.Duration time) {
        clock.skip(time);
    }

    public FxRobot robot() {
        return robot;
    }

    /**
     * The text of the labelled node {@code query} finds, read on the FX thread: a lookup from the test's thread can
     * run while the FX thread rebuilds a list and find it half made (a clean-clone run under load lost
     * #progress-state-… just after waiting for it that way).
     */
    public String text(String query) {
        return onFx(() -> robot.lookup(query).queryLabeled().getText());
    }

    /** Every text on screen, for a failure message. */
    public List<String> texts() {
        return onFx(() -> robot.lookup(".label").queryAll().stream().map(n -> ((Labeled) n).getText())
                .filter(t -> t != null && !t.isBlank()).toList());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer within 10 s", e);
        }
    }

    public String simulator(String deviceId, String command) {
        return app.context().deviceAdmin().simulatorCommand(deviceId, command).orElseThrow();
    }

    public ScreenId screen() {
        return app.ui().navigator().current();
    }

    /**
     * Taps {@code query} once it is laid out inside the window: a button that appears with an answer (the
     * progress query's print or hand-in) is tapped where the citizen sees it, not where it was before the layout.
     */
    public void tap(String query) throws Exception {
        waitFor(10, () -> robot.lookup(query).tryQuery().filter(n -> n.isVisible() && !n.isDisabled()
                && n.getScene() != null && new javafx.geometry.BoundingBox(0, 0, n.getScene().getWidth(),
                        n.getScene().getHeight()).contains(n.localToScene(n.getLayoutBounds()))).isPresent());
        robot.clickOn(query);
    }

    public static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    /** Touch, identify with the simulated ID card of 张 and a phone number; back at the menu. */
    public void identifyWithIdCard() throws Exception {
        robot.clickOn("#start");
        robot.clickOn("#tile-identify");
        assertThat(simulator("idcard-1", "card place demo-zhang")).startsWith("ok");
        waitFor(10, () -> !text("#identify-name").isEmpty());
        simulator("idcard-1", "card remove");
        robot.clickOn("#identify-phone").write(PHONE);
        robot.clickOn("#identify-next");
    }

    /**
     * On the identification screen (reached from elsewhere, e.g. the progress screen's 核验身份): the simulated ID
     * card {@code card} (demo-zhang, demo-li, …) is read, a phone number given, 下一步 tapped.
     */
    public void identifyOnScreen(String card) throws Exception {
        waitFor(10, () -> screen() == ScreenId.IDENTIFY);
        assertThat(simulator("idcard-1", "card place " + card)).startsWith("ok");
        waitFor(10, () -> !text("#identify-name").isEmpty());
        simulator("idcard-1", "card remove");
        robot.clickOn("#identify-phone").write(PHONE);
        robot.clickOn("#identify-next");
    }

    /** From the menu to the pension item's materials checklist, the form filled in. */
    public void fillThePensionForm() throws Exception {
        robot.clickOn("#tile-guide");
        robot.clickOn("#catalog-group-0");
        robot.clickOn("#catalog-result-" + PENSION_ITEM);
        robot.clickOn("#guide-apply");
        assertThat(screen()).isEqualTo(ScreenId.APPLY_FORM);
        // The field may sit below the fold of the form's scroll pane: focus it as a tap would, then type.
        robot.interact(() -> robot.lookup("#field-retired-on").query().requestFocus());
        robot.write("2025-03-01");
        robot.clickOn("#apply-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen()).as("form problems: %s", texts()).isEqualTo(ScreenId.APPLY_MATERIALS);
    }

    /** Confirms and waits for the result screen's headline. */
    public void submit() throws Exception {
        robot.clickOn("#materials-next");
        robot.clickOn("#confirm-submit");
        waitFor(40, () -> screen() == ScreenId.APPLY_RESULT && robot.lookup("#result-headline").tryQuery().isPresent()
                && !text("#result-headline").isEmpty());
    }

    @Override
    public void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }
}
