package org.govkiosk.app.ui.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.layout.StackPane;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.FieldType;
import org.govkiosk.app.catalog.MaterialRequirement;
import org.govkiosk.app.catalog.Prefill;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.journey.Applications;
import org.govkiosk.app.journey.CaseNumbers;
import org.govkiosk.app.journey.JourneyRig;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.progress.ProgressViewModel;
import org.govkiosk.device.DeviceEventBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The journey screens headless (Monocle), clicked through as a citizen would, over real services: the embedded
 * platform-server, the outbox, the receipt printer's simulator. The screens sit in a small host here; the full
 * application test ({@link ApplyJourneyAppUiTest}) runs them inside the terminal once the shell registers them.
 */
class JourneyScreensUiTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final CitizenSession session = new CitizenSession();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final I18n i18n = new I18n(List.of(I18n.ZH_CN, Locale.ENGLISH), I18n.ZH_CN);
    private final Map<JourneyScreens.Id, Supplier<Screen>> factories = new EnumMap<>(JourneyScreens.Id.class);
    private final Deque<JourneyScreens.Id> history = new ArrayDeque<>();
    private final StackPane host = new StackPane();
    private JourneyRig rig;
    private JourneyScreens screens;
    private volatile boolean finished;
    private volatile boolean identifyAsked;

    @BeforeEach
    void start() throws Exception {
        rig = JourneyRig.start(dir);
        ApplyViewModel apply = new ApplyViewModel(rig.applications(), rig.progress(), session,
                new SimpleStringProperty("13800138000"), background, Platform::runLater);
        ProgressViewModel progress = new ProgressViewModel(rig.progress(), new CaseNumbers(JourneyRig.QUERY_URL),
                session, new DeviceEventBus(), List.of(), background, Platform::runLater);
        screens = new JourneyScreens(apply, progress, i18n, new JourneyScreens.Routes() {
            @Override
            public void go(JourneyScreens.Id screen) {
                history.push(screen);
                show(screen);
            }

            @Override
            public void back() {
                history.pop();
                show(history.peek());
            }

            @Override
            public void identify() {
                identifyAsked = true;
            }

            @Override
            public void finished() {
                finished = true;
            }
        });
        screens.register(factories::put);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setWidth(1280);
            stage.setHeight(1024);
        });
        FxToolkit.setupSceneRoot(() -> {
            StackPane shell = new StackPane(host);
            shell.getStyleClass().add("shell");
            shell.getStylesheets().add(JourneyScreensUiTest.class.getResource("/org/govkiosk/app/ui/kiosk.css")
                    .toExternalForm());
            return shell;
        });
        FxToolkit.showStage();
    }

    private final Map<JourneyScreens.Id, Screen> built = new EnumMap<>(JourneyScreens.Id.class);

    private void show(JourneyScreens.Id id) {
        Screen screen = built.computeIfAbsent(id, k -> factories.get(k).get());
        host.getChildren().setAll(screen.view());
        screen.onShow();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        background.shutdownNow();
        rig.close();
    }

    private String text(String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    @Test
    void applyingWithAMissingMaterialEndsWithTheNotificationAndTheCaseIsFoundByItsNumber() throws Exception {
        CatalogItem item = rig.item(Applications::promisedWithDeferrable);
        robot.interact(() -> screens.apply(item));
        assertThat(identifyAsked).as("nobody identified yet").isTrue();
        robot.interact(() -> session.identityProperty().set(JourneyRig.card()));
        robot.interact(() -> screens.apply(item));

        // The form: name and number from the card, locked and masked as the header masks them (others may look
        // over the citizen's shoulder); a required date left empty is pointed out.
        assertThat(robot.lookup("#field-name").queryLabeled().getText()).isEqualTo("姓名：张**");
        String idKey = item.form().stream().filter(f -> f.prefill().filter(p -> p == Prefill.ID_NUMBER).isPresent())
                .findFirst().orElseThrow().key();
        assertThat(robot.lookup("#field-" + idKey).queryLabeled().getText()).matches(".+：\\d{3}\\*{11}[\\dX]{4}");
        assertThat((Object) robot.lookup("#field-name").query()).as("no input to type it again")
                .isNotInstanceOf(javafx.scene.control.TextInputControl.class);
        String dateKey = item.form().stream().filter(f -> f.type() == FieldType.DATE).findFirst().orElseThrow()
                .key();
        robot.clickOn("#apply-next");
        assertThat(text("#field-" + dateKey + "-error")).isEqualTo("此项必须填写");
        robot.clickOn("#field-" + dateKey).write("2025-03-01");
        assertThat(text("#field-" + dateKey + "-error")).isEmpty();
        robot.clickOn("#apply-next");

        // The checklist: the key material is missing.
        assertThat(robot.lookup("#apply-materials").tryQuery()).isPresent();
        int keyIndex = indexOf(item, m -> m.key() && m.eLicence().isEmpty());
        MaterialRequirement key = item.materials().get(keyIndex);
        int eLicence = indexOf(item, m -> m.eLicence().isPresent());
        assertThat(robot.lookup("#material-" + eLicence + "-e-licence").queryLabeled().getText()).contains("免证办");
        robot.clickOn("#material-" + keyIndex + "-missing");
        robot.clickOn("#materials-next");

        // Confirmation warns, then the result says what happened and what was printed.
        assertThat(text("#confirm-missing")).contains(key.name(), "待补正");
        robot.clickOn("#confirm-submit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#apply-result").tryQuery().isPresent()
                && !text("#result-headline").isEmpty());
        assertThat(text("#result-headline")).contains("待补正");
        assertThat(text("#result-number")).startsWith("办件编号：");
        assertThat(text("#result-missing")).contains(key.name());
        assertThat(text("#result-paper")).isEqualTo("已打印一次性告知书，请取走");
        assertThat(rig.a4.jobs).hasSize(1);
        robot.interact(i18n::next);
        assertThat(robot.lookup("#result-done").queryButton().getText()).isEqualTo("Done");
        assertThat(text("#result-paper")).startsWith("Your one-time notification");
        robot.interact(i18n::next);
        robot.clickOn("#result-done");
        assertThat(finished).isTrue();

        // Progress: the number typed on the keypad.
        String number = text("#result-number").substring("办件编号：".length());
        robot.interact(() -> screens.progress(false));
        for (char c : number.toCharArray()) {
            robot.clickOn("#key-" + c);
        }
        assertThat(text("#progress-typed")).isEqualTo(number);
        robot.clickOn("#key-query");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#progress-state-" + number).tryQuery().isPresent());
        // Filed by the platform as 补正 at once: the case waits for the missing material.
        assertThat(text("#progress-state-" + number)).isEqualTo("办理状态：" + "待补正");
        assertThat(robot.lookup("#progress-print-certificate").queryButton().isDisabled()).isTrue();
    }

    @Test
    void aFinishedCaseFoundByTheIdCardIsSelfPrinted() throws Exception {
        String number = rig.applications().submit(Applications.request(rig.item(Applications::promisedWithDeferrable),
                Applications::complete, false)).caseNumber().orElseThrow();
        byte[] pdf = "%PDF-1.7\n% 证明\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        rig.clerkFinishes(number, pdf);
        robot.interact(() -> session.identityProperty().set(JourneyRig.card()));
        robot.interact(() -> screens.progress(false));

        robot.clickOn("#progress-by-card");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#progress-state-" + number).tryQuery().isPresent());
        assertThat(text("#progress-state-" + number)).isEqualTo("办理状态：已办结");
        robot.clickOn("#progress-print-certificate");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> text("#progress-certificate-status").equals("办理结果已打印，请取走"));
        assertThat(rig.a4.jobs).singleElement().satisfies(j -> assertThat(j.data()).isEqualTo(pdf));
    }

    private static int indexOf(CatalogItem item, java.util.function.Predicate<MaterialRequirement> p) {
        for (int i = 0; i < item.materials().size(); i++) {
            if (p.test(item.materials().get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such material");
    }
}
