package org.govkiosk.app.ui.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.scene.Group;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.govkiosk.app.config.LaunchOptions;
import org.govkiosk.app.config.PinHash;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The screen check (issue 13): walks the citizen's journeys, the rating screen, the progress query, help, the
 * maintenance PIN pad and maintenance mode, and the window rating pad; renders each screen in zh-CN, English,
 * Uyghur (ug-CN, right to left: the screen must be mirrored) and bilingual Mongolian + Chinese (mn-Mong-CN: the
 * vertical Mongolian must lie inside its control and on the screen), in
 * standard and large type, at 1280×1024, 1920×1080 and 1080×1920 portrait; and fails on what a person would see
 * wrong ({@link ScreenInspector}). The screenshots, a contact sheet per language, type and size, and the findings go
 * to {@code target/screen-check/}.
 */
class ScreenCheckUiTest {

    private static final String PIN = "246810";
    private static final Path OUT = Paths.get("target", "screen-check");

    record Size(String name, int width, int height) {
    }

    record Variant(Locale locale, boolean large, Size size) {
        String name() {
            return (locale.getLanguage().equals("zh") ? "zh-CN" : locale.toLanguageTag()) + "-"
                    + (large ? "large" : "standard") + "-" + size.name();
        }
    }

    static final List<Size> SIZES = List.of(new Size("1280x1024", 1280, 1024), new Size("1920x1080", 1920, 1080),
            new Size("1080x1920", 1080, 1920));
    /**
     * zh-CN, English, Uyghur and the bilingual Mongolian + Chinese screens. {@code SCREEN_CHECK_LOCALES} (language
     * tags, comma-separated) narrows the run while working on one language; the test command runs them all.
     */
    static final List<Locale> LOCALES = java.util.Optional.ofNullable(System.getenv("SCREEN_CHECK_LOCALES"))
            .filter(v -> !v.isBlank())
            .map(v -> java.util.Arrays.stream(v.split(",")).map(String::strip).map(Locale::forLanguageTag).toList())
            .orElse(List.of(I18n.ZH_CN, Locale.ENGLISH, I18n.UG_CN, I18n.MN_CN));

    private final FxRobot robot = new FxRobot();
    private final Map<String, ContactSheet> sheets = new LinkedHashMap<>();
    private final Map<String, List<ScreenInspector.Finding>> findings = new LinkedHashMap<>();
    private final ScreenInspector inspector = new ScreenInspector(
            I18n.bundle(I18n.ZH_CN).keySet(), Set.of("lang-switch", "farewell-take-citizen"));
    private TerminalRig rig;
    private int screens;

    @AfterEach
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    private static List<Variant> variants() {
        List<Variant> all = new ArrayList<>();
        for (Size size : SIZES) {
            for (Locale locale : LOCALES) {
                for (boolean large : List.of(false, true)) {
                    all.add(new Variant(locale, large, size));
                }
            }
        }
        return all;
    }

    @Test
    void everyScreenInEveryLanguageTypeAndSizeIsReadableAndUsable(@TempDir Path dir) throws Exception {
        Files.createDirectories(OUT);
        rig = new TerminalRig(dir.resolve("kiosk")).withTerminalYaml(ScreenCheckUiTest::withPin).start();
        FxRobot r = rig.robot();

        check("attract");
        r.clickOn("#start");
        check("home");
        r.clickOn("#tile-identify");
        check("identify");
        assertThat(rig.simulator("idcard-1", "card place demo-zhang")).startsWith("ok");
        TerminalRig.waitFor(10, () -> !rig.text("#identify-name").isEmpty());
        rig.simulator("idcard-1", "card remove");
        r.clickOn("#identify-phone").write(TerminalRig.PHONE);
        check("identify-read");
        r.clickOn("#identify-next");
        check("home-identified");
        r.clickOn("#help");
        check("help");
        r.clickOn("#help-close");
        r.clickOn("#tile-apply");
        check("catalog-apply");
        r.clickOn("#catalog-search");
        check("catalog-search");
        r.clickOn("#back");
        r.clickOn("#tile-guide");
        check("catalog");
        r.clickOn("#catalog-group-0");
        check("catalog-group");
        r.clickOn("#catalog-result-" + TerminalRig.PENSION_ITEM);
        check("guide");
        r.clickOn("#guide-apply");
        check("apply-form");
        r.interact(() -> r.lookup("#field-retired-on").query().requestFocus());
        r.write("2025-03-01");
        r.clickOn("#apply-next");
        check("apply-materials");
        r.clickOn("#materials-next");
        check("apply-confirm");
        // 证照特快专递: the result mailed, the address typed (the phone comes from identification), in sight.
        r.interact(() -> {
            ((javafx.scene.control.ToggleButton) r.lookup("#apply-delivery-mail").query()).fire();
            for (String[] f : new String[][] {{"province", "广东省"}, {"city", "示例市"}, {"district", "示例区"},
                    {"street", "人民路88号3栋502室"}}) {
                ((javafx.scene.control.TextField) r.lookup("#field-mail-" + f[0]).query()).setText(f[1]);
            }
            ((javafx.scene.control.ScrollPane) r.lookup("#apply-confirm .scroll-pane").query()).setVvalue(1.0);
        });
        check("apply-confirm-mail");
        r.clickOn("#confirm-submit");
        TerminalRig.waitFor(40, () -> rig.screen() == ScreenId.APPLY_RESULT
                && r.lookup("#result-headline").tryQuery().isPresent() && !rig.text("#result-headline").isEmpty());
        String number = rig.text("#result-number").substring("办件编号：".length());
        check("apply-result");
        r.clickOn("#result-done");
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.RATE);
        check("rate");
        r.clickOn("#pad-level-1");
        check("rate-bad");
        r.clickOn("#finish");
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.ATTRACT);
        assertThat(r.lookup("#farewell").query().isVisible()).isTrue();
        check("farewell"); // stays for the check: session.farewell is long here

        r.clickOn("#start");
        r.clickOn("#tile-query");
        check("progress");
        for (char c : number.toCharArray()) {
            r.clickOn("#key-" + (c == '-' ? "dash" : String.valueOf(c)));
        }
        r.clickOn("#key-query");
        TerminalRig.waitFor(20, () -> r.lookup("#progress-state-" + number).tryQuery().isPresent());
        check("progress-found");
        assertThat(rig.text("#progress-mailing-" + number)).contains("待寄出");

        // 联办件: a joint case two of whose departments took their steps, found by its number.
        String joint = jointCaseWithSteps();
        r.clickOn("#progress-again");
        for (char c : joint.toCharArray()) {
            r.clickOn("#key-" + (c == '-' ? "dash" : String.valueOf(c)));
        }
        r.clickOn("#key-query");
        TerminalRig.waitFor(20, () -> r.lookup("#progress-steps-" + joint).tryQuery().isPresent());
        check("progress-joint");
        assertThat(rig.text("#progress-step-" + joint + "-2")).contains("示例市医疗保障局");
        assertThat(rig.text("#progress-step-state-" + joint + "-2")).contains("办理中", "当前步骤");
        r.clickOn("#finish");
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.ATTRACT);

        r.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F12).release(KeyCode.F12, KeyCode.SHIFT, KeyCode.CONTROL);
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.MAINTENANCE_PIN);
        check("maintenance-pin");
        for (char c : PIN.toCharArray()) {
            r.clickOn("#pin-" + c);
        }
        r.clickOn("#pin-ok");
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.MAINTENANCE);
        check("maintenance");
        rig.close();

        rig = new TerminalRig(dir.resolve("pad")).withMode(LaunchOptions.Mode.PAD).start();
        check("pad");

        for (Map.Entry<String, ContactSheet> sheet : sheets.entrySet()) {
            sheet.getValue().write(OUT.resolve("contact-sheet-" + sheet.getKey() + ".png"));
        }
        List<String> all = new ArrayList<>();
        findings.forEach((where, list) -> list.forEach(f -> all.add(where + ": " + f)));
        List<String> report = all;
        Files.write(OUT.resolve("findings.txt"), report);
        System.out.printf("Screen check: %d screens × %d variants = %d renderings, %d findings; see %s%n", screens,
                variants().size(), screens * variants().size(), report.size(), OUT.toAbsolutePath());
        assertThat(report).as("what a person would see wrong (screenshots in %s)", OUT.toAbsolutePath()).isEmpty();
    }

    /**
     * Files a joint case (新生儿出生“一件事”联办) as this terminal at its platform, accepts it and lets its first joint
     * department agree and the second start, as clerks would; returns its number.
     */
    private String jointCaseWithSteps() throws Exception {
        var context = rig.app().context();
        var platform = context.platform().orElseThrow();
        String key = "screen-check-joint-" + System.nanoTime();
        org.govkiosk.api.CaseReceipt receipt = context.platformLink().registeredClient().orElseThrow().submitCase(
                new org.govkiosk.api.CaseSubmission(key, key, context.config().terminal().id(),
                        "11449900MB2E3000034442114003000", "新生儿出生“一件事”联办（出生登记、医保参保、社保卡申领）",
                        org.govkiosk.api.CaseKind.JOINT, new org.govkiosk.api.Applicant(org.govkiosk.api.IdType.RESIDENT_ID,
                                "11010519491231002X", "张三丰", TerminalRig.PHONE, null), Map.of(), List.of(),
                        context.clock().instant()));
        String n = receipt.caseNumber();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String[] call : new String[][] {
                {org.govkiosk.api.ApiPaths.clerkCaseTransitions(n), "{\"to\":\"ACCEPTED\"}"},
                {org.govkiosk.api.ApiPaths.clerkCaseJointSteps(n), "{\"department\":\"示例市卫生健康委员会\","
                        + "\"state\":\"AGREED\",\"clerk\":\"窗口 03\"}"},
                {org.govkiosk.api.ApiPaths.clerkCaseJointSteps(n), "{\"department\":\"示例市医疗保障局\","
                        + "\"state\":\"IN_PROGRESS\",\"clerk\":\"窗口 05\"}"}}) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(platform.baseUrl()
                    + call[0])).header("Authorization", "Bearer " + platform.clerkToken().orElseThrow())
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(call[1])).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        return n;
    }

    private static String withPin(String yaml) {
        yaml = yaml.replaceAll("farewell:\\s*\\S+", "farewell: 1h");
        // Voice guidance on: its switch and its volume button both in the top bar, the widest it gets.
        yaml = yaml.replaceAll("(?m)^  enabled: false", "  enabled: true");
        if (!yaml.contains("voice:") || !yaml.contains("  enabled: true")) {
            throw new IllegalStateException("terminal.yaml has no voice.enabled line to set");
        }
        String hash = PinHash.hash(PIN.toCharArray()).encoded();
        return yaml.replaceAll("(?m)^(\\s*)#?\\s*pin-hash:.*$", "$1pin-hash: \""
                + java.util.regex.Matcher.quoteReplacement(hash) + "\"");
    }

    /** Renders the current screen in every variant, inspects each and files the screenshot. */
    private void check(String screen) throws Exception {
        screens++;
        WaitForAsyncUtils.waitForFxEvents();
        Stage stage = (Stage) FxToolkit.toolkitContext().getRegisteredStage();
        I18n i18n = rig.app().context().i18n();
        Locale before = i18n.locale();
        for (Variant v : variants()) {
            AtomicReference<List<ScreenInspector.Finding>> found = new AtomicReference<>();
            AtomicReference<WritableImage> shot = new AtomicReference<>();
            robot.interact(() -> {
                i18n.localeProperty().set(v.locale());
                setLargeType(stage.getScene().getRoot(), v.large());
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                // The terminal's screen is 1280×1024 here (Monocle's headless screen): the same root is laid out and
                // rendered at the other sizes in a scene of that size, off the window, and put back.
                Scene window = stage.getScene();
                Parent root = window.getRoot();
                window.setRoot(new Group());
                Scene sized = new Scene(root, v.size().width(), v.size().height(), window.getFill());
                try {
                    root.applyCss();
                    // Until the layout settles, as the pulses that follow a change do: a control that sets its
                    // text's lines for the width it got (RightToLeftLines) or a screen given the room above the
                    // keyboard asks for one more pass.
                    for (int pass = 0; pass < 4 && (pass == 0 || root.isNeedsLayout()); pass++) {
                        root.layout();
                    }
                    shot.set(sized.snapshot(null));
                    found.set(inspector.inspect(sized, shot.get(), v.locale(), v.large()));
                } finally {
                    sized.setRoot(new Group());
                    window.setRoot(root);
                }
            });
            String where = v.name() + "/" + String.format("%02d-%s", screens, screen);
            if (!found.get().isEmpty()) {
                findings.put(where, found.get().stream().distinct().collect(Collectors.toList()));
            }
            sheets.computeIfAbsent(v.name(), k -> new ContactSheet()).add(screen, shot.get(), found.get().size(),
                    OUT.resolve(where + ".png"));
        }
        robot.interact(() -> {
            i18n.localeProperty().set(before);
            setLargeType(stage.getScene().getRoot(), false);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The shell's large type (适老化) switch, pressed only when it is not already as wanted. */
    private static void setLargeType(Parent root, boolean on) {
        boolean now = root.lookup("#shell").getStyleClass().contains("elder");
        if (now != on) {
            ((Button) root.lookup("#elder-switch")).fire();
        }
    }
}
