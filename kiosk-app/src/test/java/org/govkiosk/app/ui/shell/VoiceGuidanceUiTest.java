package org.govkiosk.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.session.SessionManager;
import org.govkiosk.app.ui.Navigator;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.voice.SpeechSink;
import org.govkiosk.app.voice.Utterance;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The shell's 语音播报 switch and read-the-screen, headless (Monocle), with a sink that records what would be
 * spoken: the switch turns speaking on and off, each screen says its prompt, the volume reaches the speech, the idle
 * warning and the farewell are said, and in large type moving the focus says the focused control.
 */
class VoiceGuidanceUiTest {

    /** What the terminal would say, and how often it was told to stop. */
    static final class RecordingSink implements SpeechSink {
        final List<Utterance> said = new CopyOnWriteArrayList<>();
        final AtomicInteger silenced = new AtomicInteger();

        @Override
        public void speak(Utterance utterance) {
            said.add(utterance);
        }

        @Override
        public void silence() {
            silenced.incrementAndGet();
        }

        String last() {
            return said.isEmpty() ? "" : said.get(said.size() - 1).text();
        }
    }

    private final FxRobot robot = new FxRobot();
    private final RecordingSink sink = new RecordingSink();
    private final MutableClock clock = new MutableClock();
    private I18n i18n;
    private SessionManager sessions;
    private Navigator navigator;
    private VoiceViewModel voice;
    private ShellViewModel shellModel;
    private ShellView shell;

    /** A screen of two buttons and a field holding a citizen's data. */
    private static Screen screen(String prefix) {
        Button first = new Button(prefix + "一号按钮");
        first.setId(prefix + "-first");
        Button second = new Button(prefix + "二号按钮");
        second.setId(prefix + "-second");
        TextField name = Controls.personalData(new TextField("张三"));
        name.setId(prefix + "-name");
        javafx.scene.control.Label hint = new javafx.scene.control.Label(prefix + "说明文字");
        hint.setId(prefix + "-hint");
        javafx.scene.control.Label holder = Controls.personalData(new javafx.scene.control.Label("李四"));
        holder.setId(prefix + "-holder");
        VBox box = new VBox(20, first, second, name, hint, holder);
        return () -> box;
    }

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupSceneRoot(() -> {
            i18n = new I18n(List.of(I18n.ZH_CN, Locale.ENGLISH, I18n.MN_CN), I18n.ZH_CN);
            sessions = new SessionManager(clock, Duration.ofSeconds(60), Duration.ofSeconds(10));
            StackPane content = new StackPane();
            navigator = new Navigator(content);
            navigator.register(ScreenId.ATTRACT, () -> screen("attract"));
            navigator.register(ScreenId.HOME, () -> screen("home"));
            navigator.register(ScreenId.IDENTIFY, () -> screen("identify"));
            shellModel = sessions.register(new ShellViewModel(i18n, sessions, navigator, clock, false));
            voice = sessions.register(new VoiceViewModel(sink, i18n, sessions, false, 70));
            voice.followLargeType(shellModel.elderModeProperty());
            voice.followScreens(navigator.currentProperty());
            Region keyboard = new Region(); // the on-screen keyboard's place, hidden as it is until a field asks
            keyboard.setVisible(false);
            shell = new ShellView(shellModel, voice, sessions, i18n, l -> "测试政务服务中心", content, keyboard);
            navigator.reset(ScreenId.ATTRACT);
            return (javafx.scene.Parent) shell.root();
        });
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        robot.interact(() -> shell.attach(stage.getScene(), shellModel, voice, sessions));
        FxToolkit.showStage();
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(1024);
        });
        robot.interact(() -> {
            sessions.begin();
            navigator.go(ScreenId.HOME);
        });
    }

    @AfterEach
    void close() throws Exception {
        robot.interact(() -> shell.stop());
        FxToolkit.cleanupStages();
    }

    private List<String> texts() {
        return sink.said.stream().map(Utterance::text).toList();
    }

    @Test
    void theSwitchTurnsSpeakingOnAndOff() {
        assertThat(sink.said).as("voice is off by default: the home screen opened silently").isEmpty();
        assertThat(robot.lookup("#voice-switch").queryButton().getText()).isEqualTo("语音播报");
        assertThat(robot.lookup("#voice-volume").queryButton().isVisible()).as("volume while silent").isFalse();

        robot.clickOn("#voice-switch");
        assertThat(sink.last()).startsWith(i18n.text("voice.turned-on"))
                .contains(i18n.text("voice.screen.home"));
        assertThat(sink.said.get(0).locale()).isEqualTo(I18n.ZH_CN);
        assertThat(sink.said.get(0).volume()).isEqualTo(70);
        assertThat(robot.lookup("#voice-switch").queryButton().getText()).isEqualTo("关闭语音");
        assertThat(robot.lookup("#voice-volume").queryButton().isVisible()).isTrue();

        robot.interact(() -> navigator.go(ScreenId.IDENTIFY));
        assertThat(sink.last()).startsWith("请放置身份证");

        robot.clickOn("#voice-volume");
        assertThat(sink.said.get(sink.said.size() - 1).volume()).isEqualTo(100);
        assertThat(sink.last()).isEqualTo("音量：高");
        robot.clickOn("#voice-volume");
        assertThat(sink.said.get(sink.said.size() - 1).volume()).isEqualTo(40);

        int silencedBefore = sink.silenced.get();
        robot.clickOn("#voice-switch");
        assertThat(sink.silenced.get()).as("turning it off stops the speech at once").isGreaterThan(silencedBefore);
        int saidBefore = sink.said.size();
        robot.interact(() -> navigator.go(ScreenId.HOME));
        robot.clickOn("#home-first");
        assertThat(sink.said).as("nothing is said once it is off").hasSize(saidBefore);
    }

    @Test
    void inLargeTypeMovingTheFocusSaysTheFocusedControl() {
        robot.clickOn("#voice-switch");
        robot.clickOn("#home-first");
        assertThat(texts()).as("standard type: focus is not read").doesNotContain("home一号按钮");

        robot.clickOn("#elder-switch");
        robot.clickOn("#home-first");
        assertThat(sink.last()).as("a touch moves the focus").isEqualTo("home一号按钮");
        robot.type(KeyCode.TAB);
        assertThat(sink.last()).as("so does the keyboard").isEqualTo("home二号按钮");
        int before = sink.said.size();
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#home-name").query().isFocused()).isTrue();
        assertThat(sink.said).as("a citizen's own data is never read aloud").hasSize(before);
        assertThat(texts()).noneMatch(t -> t.contains("张三"));

        robot.clickOn("#home-hint");
        assertThat(sink.last()).as("a touch on text that takes no focus").isEqualTo("home说明文字");
        int beforeHolder = sink.said.size();
        robot.clickOn("#home-holder");
        assertThat(sink.said).as("a person's own data, touched, is not read").hasSize(beforeHolder);

        robot.clickOn("#voice-switch");
        robot.clickOn("#home-first");
        robot.clickOn("#home-hint");
        assertThat(texts()).as("off: neither focus nor touch is read (each was said once, while on)")
                .filteredOn(t -> t.equals("home一号按钮") || t.equals("home说明文字")).hasSize(2);
    }

    @Test
    void theIdleWarningAndTheFarewellAreSaidInTheCitizensLanguage() {
        robot.clickOn("#voice-switch");
        robot.clickOn("#lang-switch");
        assertThat(robot.lookup("#voice-switch").queryButton().getText()).isEqualTo("Voice off");
        robot.interact(() -> {
            clock.advance(Duration.ofSeconds(52));
            sessions.tick();
        });
        assertThat(sink.last()).isEqualTo(I18n.format(Locale.ENGLISH, "voice.idle-warning", 8));
        assertThat(sink.said.get(sink.said.size() - 1).locale()).isEqualTo(Locale.ENGLISH);

        robot.clickOn("#idle-continue");
        robot.clickOn("#finish");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sink.last()).isEqualTo(I18n.format(Locale.ENGLISH, "voice.farewell"));
        assertThat(sink.said.get(sink.said.size() - 1).locale()).isEqualTo(Locale.ENGLISH);
        assertThat(voice.enabledProperty().get()).as("the next citizen starts with the terminal's setting").isFalse();
        assertThat(i18n.locale()).isEqualTo(I18n.ZH_CN);
    }

    /**
     * espeak-ng has no Mongolian voice: on a bilingual Mongolian screen the switch still works and the Chinese half
     * is said in Mandarin, the idle warning and the farewell too.
     */
    @Test
    void onAMongolianScreenTheChineseIsSaidInMandarin() {
        robot.interact(() -> i18n.localeProperty().set(I18n.MN_CN));
        robot.clickOn("#voice-switch");
        assertThat(robot.lookup("#voice-switch").queryButton().getText()).isEqualTo("关闭语音");
        assertThat(sink.last()).contains(I18n.format(I18n.ZH_CN, "voice.screen.home"));
        assertThat(sink.said.get(sink.said.size() - 1).locale()).isEqualTo(I18n.ZH_CN);
        robot.interact(() -> {
            clock.advance(Duration.ofSeconds(52));
            sessions.tick();
        });
        assertThat(sink.last()).isEqualTo(I18n.format(I18n.ZH_CN, "voice.idle-warning", 8));
        robot.clickOn("#idle-continue");
        robot.clickOn("#finish");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sink.last()).isEqualTo(I18n.format(I18n.ZH_CN, "voice.farewell"));
        assertThat(sink.said.get(sink.said.size() - 1).locale()).isEqualTo(I18n.ZH_CN);
    }

    @Test
    void aCitizenWhoLeavesWithVoiceOffHearsNoFarewell() {
        robot.clickOn("#finish");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sink.said).isEmpty();
    }
}
