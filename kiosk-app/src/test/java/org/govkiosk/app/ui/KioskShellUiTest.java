package org.govkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.WindowEvent;
import org.govkiosk.app.KioskApplication;
import org.govkiosk.app.config.LaunchOptions;
import org.govkiosk.app.config.PinHash;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.idcard.IdCardRejection;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.govkiosk.app.testkit.RepoConfig;

/**
 * Starts the real terminal headless (Monocle) on the repo's configuration with simulated devices, and drives it
 * as a citizen and a technician would.
 */
class KioskShellUiTest {

    private static final String PIN = "246810";
    private static final String PHONE = "13812345678";

    private final FxRobot robot = new FxRobot();
    private KioskApplication app;
    private Path dataDir;

    @BeforeEach
    void startTerminal(@TempDir Path dir) throws Exception {
        RepoConfig.copyTo(dir);
        shortenIdleTimeoutAndSetPin(dir.resolve("terminal.yaml"));
        dataDir = dir.resolve("state");
        Files.writeString(dir.resolve("terminal.yaml"), "\nstorage:\n  data-dir: " + dataDir.toAbsolutePath() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        FxToolkit.registerPrimaryStage();
        LaunchOptions options = new LaunchOptions(dir, true, Optional.empty(), false);
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(options));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shortenIdleTimeoutAndSetPin(Path terminalYaml) throws IOException {
        String yaml = Files.readString(terminalYaml);
        // A free port: a terminal left over from another test must not block this one's ops endpoint.
        yaml = yaml.replaceAll("listen:\\s*\\S+", "listen: 127.0.0.1:0");
        yaml = yaml.replaceAll("idle-timeout:\\s*\\S+", "idle-timeout: 6s").replaceAll("warning:\\s*\\S+", "warning: 3s");
        String hash = PinHash.hash(PIN.toCharArray()).encoded();
        yaml = yaml.replaceAll("(?m)^(\\s*)#?\\s*pin-hash:.*$", "$1pin-hash: \"" + java.util.regex.Matcher.quoteReplacement(hash) + "\"");
        if (!yaml.contains("pin-hash:")) {
            throw new IllegalStateException("terminal.yaml has no pin-hash line to set");
        }
        Files.writeString(terminalYaml, yaml);
    }

    @AfterEach
    void stopTerminal() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void attractScreenShowsSimulatedDevicesOnline() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.context().allDevices().stream()
                .allMatch(d -> d.status().status() == DeviceStatus.ONLINE));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.ui().navigator().current()).isEqualTo(ScreenId.ATTRACT);
        assertThat(app.context().allDevices()).isNotEmpty();
        var kinds = app.context().allDevices().stream().map(Device::family).distinct().toList();
        assertThat(app.context().allDevices()).as("two scanners").hasSizeGreaterThan(kinds.size());
        for (DeviceFamily kind : kinds) {
            Labeled line = robot.lookup("#device-" + kind.configName()).queryLabeled();
            assertThat(line.getText()).endsWith("正常");
        }
        assertThat(robot.lookup(".device-status").queryAll()).as("one line per kind of device, not per device")
                .hasSize(kinds.size());
        assertThat(robot.lookup("#attract").query().isVisible()).isTrue();
        // The ops endpoint starts with the first screen, on the housekeeping thread.
        Await.until("the ops endpoint is up", () -> app.context().ops().isPresent());
        int port = app.context().ops().orElseThrow().port();
        var health = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"id\":\"idcard-1\"");
    }

    @Test
    void idleTimeoutLeavesNoTraceOfTheSession() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.context().allDevices().stream()
                .allMatch(d -> d.status().isUsable()));
        robot.clickOn("#start");
        robot.clickOn("#back");
        assertThat(app.ui().navigator().current()).as("back never leaves the session").isEqualTo(ScreenId.HOME);
        robot.clickOn("#tile-identify");
        assertThat(app.ui().navigator().current()).isEqualTo(ScreenId.IDENTIFY);
        assertThat(visibleTexts(app.ui().root())).as("no placeholder for a missing text")
                .noneMatch(t -> t.contains("⟨"));

        String reader = deviceOf(DeviceFamily.ID_CARD_READER);
        assertThat(app.context().deviceAdmin().simulatorCommand(reader, "card place demo-zhang"))
                .get().asString().startsWith("ok");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#identify-name").queryLabeled().getText().isEmpty());
        String name = robot.lookup("#identify-name").queryLabeled().getText();
        String maskedId = robot.lookup("#identify-id").queryLabeled().getText();
        assertThat(maskedId).contains("****");
        // The citizen takes the card back, as the screen tells them to.
        app.context().deviceAdmin().simulatorCommand(reader, "card remove");

        String scanner = deviceOf(DeviceFamily.QR_SCANNER);
        String code = "EL-SOCIAL-20261122-77AF";
        assertThat(app.context().deviceAdmin().simulatorCommand(scanner, "scan " + code)).get().asString()
                .startsWith("ok");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#identify-code").queryLabeled().getText().isEmpty());
        robot.clickOn("#identify-phone").write(PHONE);
        assertThat(robot.lookup("#identify-phone").queryTextInputControl().getText()).isEqualTo(PHONE);

        // Language and large type switch on this screen as on every other.
        robot.clickOn("#lang-switch");
        assertThat(robot.lookup("#identify-next").queryButton().getText()).isEqualTo("Next");
        robot.clickOn("#elder-switch");
        assertThat(app.ui().root().getStyleClass()).contains("elder");

        // Now the citizen walks away.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#idle-warning").query().isVisible());
        assertThat(robot.lookup("#idle-countdown").queryLabeled().getText()).matches(".*\\d+.*");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.ui().navigator().current() == ScreenId.ATTRACT);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> texts = visibleTexts(app.ui().root());
        assertThat(texts).isNotEmpty().noneMatch(t -> t.contains(name) || t.contains(PHONE)
                || t.contains(maskedId) || t.contains(code.substring(0, 4) + "****"));
        assertThat(app.context().citizen().isEmpty()).isTrue();
        var model = app.ui().identifyModel();
        assertThat(List.of(model.nameProperty().get(), model.maskedIdProperty().get(),
                model.scannedCodeProperty().get(), model.phoneProperty().get())).containsOnly("");
        assertThat(app.context().i18n().locale()).isEqualTo(I18n.ZH_CN);
        assertThat(app.ui().root().getStyleClass()).doesNotContain("elder");
        assertThat(robot.lookup("#identify").tryQuery()).isEmpty();

        // The next citizen starts on a fresh screen.
        robot.clickOn("#start");
        robot.clickOn("#tile-identify");
        assertThat(robot.lookup("#identify-phone").queryTextInputControl().getText()).isEmpty();
        assertThat(robot.lookup("#identify-name").queryLabeled().getText()).isEmpty();
    }

    @Test
    void theCitizenIsToldToTakeTheirCardAndACardLeftOnTheReaderIsNeverReadIntoTheNextSession() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.context().allDevices().stream()
                .allMatch(d -> d.status().isUsable()));
        assertThat(robot.lookup("#farewell").query().isVisible()).as("no reminder before anyone came").isFalse();
        robot.clickOn("#start");
        robot.clickOn("#tile-identify");
        String reader = deviceOf(DeviceFamily.ID_CARD_READER);
        assertThat(simulator(reader, "card place demo-zhang")).startsWith("ok");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#identify-name").queryLabeled().getText().isEmpty());
        robot.clickOn("#lang-switch");

        // The citizen finishes and walks away; the card stays on the reader.
        robot.clickOn("#finish");
        assertThat(app.ui().navigator().current()).isEqualTo(ScreenId.ATTRACT);
        assertThat(robot.lookup("#farewell").query().isVisible()).isTrue();
        assertThat(robot.lookup("#farewell-take").queryLabeled().getText()).isEqualTo("请取走您的身份证、回执和材料");
        assertThat(robot.lookup("#farewell-take-citizen").queryLabeled().getText())
                .as("and in the language they used").isEqualTo("Please take your ID card, receipt and papers");

        // The next citizen: the card lying there is not theirs and is not read.
        robot.clickOn("#start");
        robot.clickOn("#tile-identify");
        assertThat(robot.lookup("#farewell").tryQuery()).isEmpty();
        int asked = received(reader, "FIND_CARD");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> received(reader, "FIND_CARD") >= asked + 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#identify-name").queryLabeled().getText()).isEmpty();
        assertThat(app.context().citizen().isEmpty()).isTrue();
        assertThat(received(reader, "READ_TEXT_PHOTO")).as("read once, for its owner").isEqualTo(1);

        // Once it is taken off, the next card placed is read.
        robot.interact(() -> app.context().sessions().touch()); // the citizen is still there (idle timeout 6 s)
        simulator(reader, "card remove");
        var driver = (org.govkiosk.device.internal.driver.idcard.IdCardReaderDriver) app.context()
                .devicesOf(org.govkiosk.device.IdCardReader.class).get(0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !driver.waitsForCardTakenOff());
        assertThat(simulator(reader, "card place demo-li")).startsWith("ok");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#identify-name").queryLabeled().getText().isEmpty());
        assertThat(robot.lookup("#identify-name").queryLabeled().getText()).isEqualTo("李秀英");
    }

    @Test
    void theReminderGoesAfterAWhileAndAfterATimeoutToo() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.context().allDevices().stream()
                .allMatch(d -> d.status().isUsable()));
        robot.clickOn("#start");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.ui().navigator().current() == ScreenId.ATTRACT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#farewell").query().isVisible()).as("a timed-out session is reminded too").isTrue();
        assertThat(robot.lookup("#farewell-take-citizen").query().isVisible()).as("the citizen kept Chinese")
                .isFalse();
    }

    private String simulator(String device, String command) {
        return app.context().deviceAdmin().simulatorCommand(device, command).orElseThrow();
    }

    private int received(String reader, String command) {
        String answer = simulator(reader, "received " + command);
        assertThat(answer).startsWith("received ");
        return Integer.parseInt(answer.substring("received ".length()).trim());
    }

    @Test
    void identifyOffersTheOtherWaysWhenTheCardReaderIsOutAndTakesWedgeScansAndSmartCards() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.context().allDevices().stream()
                .allMatch(d -> d.status().isUsable()));
        String reader = deviceOf(DeviceFamily.ID_CARD_READER);
        assertThat(app.context().deviceAdmin().simulatorCommand(reader, "fault silence")).get().asString()
                .startsWith("ok");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.context().allDevices().stream()
                .filter(d -> d.id().equals(reader)).noneMatch(d -> d.status().isUsable()));

        robot.clickOn("#start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#tile-identify").tryQuery().isPresent());
        robot.clickOn("#tile-identify");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#identify-prompt").tryQuery().isPresent());
        assertThat(robot.lookup("#identify-prompt").queryLabeled().getText()).isEqualTo("请用以下任一方式核验身份");
        assertThat(robot.lookup("#method-state-id-card-reader").queryLabeled().getText()).startsWith("暂不可用");
        assertThat(robot.lookup("#method-state-qr-scanner").queryLabeled().getText()).isEqualTo("可以使用");
        assertThat(robot.lookup("#method-smart-card-reader").tryQuery()).as("no smart card reader in the demo")
                .isEmpty();

        // A keyboard-wedge scanner "types" a code and Enter into whatever has focus, far faster than a person.
        robot.clickOn("#identify-phone");
        String code = "EL-88990011";
        robot.interact(() -> {
            Node phone = robot.lookup("#identify-phone").query();
            for (char c : code.toCharArray()) {
                String s = String.valueOf(c);
                javafx.event.Event.fireEvent(phone, new KeyEvent(KeyEvent.KEY_TYPED, s, "", KeyCode.UNDEFINED,
                        false, false, false, false));
            }
            javafx.event.Event.fireEvent(phone, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER,
                    false, false, false, false));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#identify-code").queryLabeled().getText().isEmpty());
        assertThat(robot.lookup("#identify-code").queryLabeled().getText()).isEqualTo("EL-8****");
        assertThat(robot.lookup("#identify-phone").queryTextInputControl().getText())
                .as("the scan is taken back out of the focused field").isEmpty();
        assertThat(app.context().citizen().scannedCodes()).containsExactly(code);
        // A person typing the phone number is not a scan.
        robot.write(PHONE);
        assertThat(robot.lookup("#identify-phone").queryTextInputControl().getText()).isEqualTo(PHONE);
        assertThat(app.context().citizen().scannedCodes()).hasSize(1);

        // A smart card read by its profile identifies the citizen; the card number shows masked.
        robot.interact(() -> app.context().bus().publish(new DeviceEvent.SmartCardRead("sscard-1",
                java.time.Instant.now(), "vpcd 0", "social-security-demo",
                java.util.Map.of("card-number", "A01234567", "name", "王小明"))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#identify-name").queryLabeled().getText().equals("王小明"));
        assertThat(robot.lookup("#identify-id").queryLabeled().getText()).isEqualTo("A01**4567");

        // A card that fails its checks is refused with a message, never used.
        robot.interact(() -> app.context().bus().publish(new DeviceEvent.IdCardRejected(reader,
                java.time.Instant.now(), new IdCardRejection(IdCardRejection.Reason.INVALID_ID_NUMBER,
                        "check digit", "330***********0013"))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#identify-message").queryLabeled().getText().startsWith("该证件无法核验"));

        robot.clickOn("#finish");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.ui().navigator().current() == ScreenId.ATTRACT);
        assertThat(app.context().citizen().isEmpty()).isTrue();
        assertThat(visibleTexts(app.ui().root())).noneMatch(t -> t.contains("王小明") || t.contains("A01**4567"));
        app.context().deviceAdmin().simulatorCommand(reader, "clear");
    }

    @Test
    void aGuideLongerThanTheScreenFollowsTheFinger() throws Exception {
        robot.clickOn("#start");
        robot.clickOn("#tile-guide");
        robot.clickOn("#catalog-group-0");
        robot.clickOn(".catalog-row");
        assertThat(app.ui().navigator().current()).isEqualTo(ScreenId.GUIDE);
        robot.clickOn("#elder-switch"); // large type: the guide is far longer than the screen
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane sections = robot.lookup("#guide-sections").queryAs(
                javafx.scene.control.ScrollPane.class);
        assertThat(sections.getVvalue()).isZero();
        javafx.geometry.Bounds box = sections.localToScreen(sections.getLayoutBounds());
        double x = box.getMinX() + box.getWidth() / 3;
        // A finger on the text, not on the scroll bar, moving up by 300 px.
        robot.drag(x, box.getMinY() + box.getHeight() * 0.8, javafx.scene.input.MouseButton.PRIMARY)
                .dropTo(new javafx.geometry.Point2D(x, box.getMinY() + box.getHeight() * 0.8 - 300));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sections.getVvalue()).as("the text moved with the finger").isPositive();
    }

    @Test
    void monitoringRecordSaysInWordsWhenADeviceWentAndCameBackAndStaysCurrent() throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> app.context().allDevices().stream()
                .allMatch(d -> d.status().isUsable()));
        String printer = deviceOf(DeviceFamily.RECEIPT_PRINTER);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F12).release(KeyCode.F12, KeyCode.SHIFT, KeyCode.CONTROL);
        for (char c : PIN.toCharArray()) {
            robot.clickOn("#pin-" + c);
        }
        robot.clickOn("#pin-ok");
        assertThat(app.ui().navigator().current()).isEqualTo(ScreenId.MAINTENANCE);
        java.util.function.Supplier<List<String>> record = () -> robot.lookup("#maintenance-supervision .journal-line")
                .queryAll().stream().map(n -> ((Labeled) n).getText()).toList();

        // While the technician looks: the printer runs out of paper, then gets a new roll.
        assertThat(simulator(printer, "fault paper-out")).startsWith("ok");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> record.get().stream()
                .anyMatch(l -> l.contains(printer) && l.contains("缺纸")));
        assertThat(simulator(printer, "clear")).startsWith("ok");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> record.get().stream()
                .anyMatch(l -> l.contains(printer) && l.endsWith("→ 正常")));
        assertThat(record.get()).allSatisfy(l -> assertThat(l)
                .doesNotContain("ONLINE", "OFFLINE", "DEGRADED", "PAPER_OUT", "null"));
    }

    @Test
    void maintenanceNeedsThePinAndTheWindowCannotBeClosed() throws Exception {
        robot.interact(() -> app.stage().fireEvent(new WindowEvent(app.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(app.stage().isShowing()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F12).release(KeyCode.F12, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.ui().navigator().current()).isEqualTo(ScreenId.MAINTENANCE_PIN);

        for (char c : "111111".toCharArray()) {
            robot.clickOn("#pin-" + c);
        }
        robot.clickOn("#pin-ok");
        assertThat(robot.lookup("#pin-message").queryLabeled().getText()).contains("4");
        assertThat(app.ui().navigator().current()).isEqualTo(ScreenId.MAINTENANCE_PIN);

        for (char c : PIN.toCharArray()) {
            robot.clickOn("#pin-" + c);
        }
        robot.clickOn("#pin-ok");
        assertThat(app.ui().navigator().current()).isEqualTo(ScreenId.MAINTENANCE);
        for (Device device : app.context().allDevices()) {
            assertThat(robot.lookup("#maintenance-status-" + device.id()).tryQuery()).isPresent();
        }
        robot.clickOn("#maintenance-back");
        assertThat(app.ui().navigator().current()).isEqualTo(ScreenId.ATTRACT);
        assertThat(app.exitAllowed()).isFalse();
        Path auditFile = dataDir.resolve("audit/audit.log");
        assertThat(Files.readString(auditFile)).contains("maintenance-login-failed", "maintenance-login-granted")
                .doesNotContain(PIN);
        // Keyed from the terminal's key store (issue 14): checked with that key.
        byte[] auditKey = org.govkiosk.app.security.TerminalKeyStore.openExisting(dataDir.resolve("keys"),
                Files.readString(org.govkiosk.app.security.KeyStoreSecret.generatedFile(dataDir)).trim().toCharArray())
                .auditKey();
        assertThat(org.govkiosk.app.audit.AuditVerifier.verify(auditFile, auditKey).intact()).isTrue();
    }

    @Test
    void padModeShowsTheWindowScreenAndReturnsToItAfterMaintenance() throws Exception {
        FxToolkit.cleanupApplication(app);
        LaunchOptions pad = new LaunchOptions(app.context().options().configDir(), true,
                Optional.of(LaunchOptions.Mode.PAD), false);
        app = (KioskApplication) FxToolkit.setupApplication(() -> new KioskApplication(pad));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.ui().navigator().current()).isEqualTo(ScreenId.PAD);
        assertThat(robot.lookup("#pad").query().isVisible()).isTrue();
        assertThat(robot.lookup("#start").tryQuery()).isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F12).release(KeyCode.F12, KeyCode.SHIFT, KeyCode.CONTROL);
        for (char c : PIN.toCharArray()) {
            robot.clickOn("#pin-" + c);
        }
        robot.clickOn("#pin-ok");
        robot.clickOn("#maintenance-back");
        assertThat(app.ui().navigator().current()).isEqualTo(ScreenId.PAD);
    }

    private String deviceOf(DeviceFamily family) {
        return app.context().allDevices().stream().filter(d -> d.family() == family).findFirst()
                .orElseThrow(() -> new AssertionError("demo config has no " + family)).id();
    }

    private static List<String> visibleTexts(Parent root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            out.add(labeled.getText());
        }
        if (node instanceof TextInputControl input && input.getText() != null) {
            out.add(input.getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}
