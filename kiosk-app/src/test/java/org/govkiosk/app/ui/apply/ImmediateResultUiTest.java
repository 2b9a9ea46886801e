package org.govkiosk.app.ui.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.journey.Applications;
import org.govkiosk.app.journey.JourneyRig;
import org.govkiosk.app.session.CitizenSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The result screen of a 即办件 headless (Monocle) over the real services: "print the result" appears once the
 * platform decided the case (the reference platform does at once) and prints its 办结证明; with the platform out
 * of reach the screen says the result is printable later through the progress query, and offers no button.
 */
class ImmediateResultUiTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final CitizenSession session = new CitizenSession();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final I18n i18n = new I18n(List.of(I18n.ZH_CN, Locale.ENGLISH), I18n.ZH_CN);
    private JourneyRig rig;
    private ApplyViewModel model;
    /** This test's own screen: lookups start here, not in windows other test classes of this JVM left behind. */
    private StackPane shell;
    /**
     * Held, as the app's Navigator holds its screens: the view listens to its model through weak listeners, so a
     * view only its node referred to was collected by a GC in the full suite and stopped updating (CI failed).
     */
    private ApplyResultView view;

    private void start(boolean platformUp) throws Exception {
        rig = JourneyRig.start(dir);
        if (!platformUp) {
            rig.platform.stop();
        }
        model = new ApplyViewModel(rig.applications(), rig.progress(), session,
                new SimpleStringProperty("13800138000"), background, Platform::runLater);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setWidth(1280);
            stage.setHeight(1024);
        });
        FxToolkit.setupSceneRoot(() -> {
            view = new ApplyResultView(model, i18n, () -> { });
            shell = new StackPane(view.view());
            shell.getStylesheets().add(ImmediateResultUiTest.class.getResource("/org/govkiosk/app/ui/kiosk.css")
                    .toExternalForm());
            return shell;
        });
        FxToolkit.showStage();
        CatalogItem immediate = rig.item(Applications::immediatePrintable);
        robot.interact(() -> {
            session.identityProperty().set(JourneyRig.card());
            model.start(immediate);
            model.fields().stream().filter(f -> f.valueProperty().get().isEmpty())
                    .forEach(f -> f.valueProperty().set(Applications.valid(f.field())));
            model.submit(() -> { });
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.outcomeProperty().get() != null);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        background.shutdownNow();
        rig.close();
    }

    private String text(String query) {
        return robot.from(shell).lookup(query).queryLabeled().getText();
    }

    private boolean visible(String query) {
        Node n = robot.from(shell).lookup(query).query();
        return n.isVisible();
    }

    @Test
    void theResultOfACaseDecidedAtOnceIsOfferedAndPrinted() throws Exception {
        start(true);
        System.gc(); // what the full suite did at random: the screen must go on updating after a collection
        String number = model.outcomeProperty().get().caseNumber().orElseThrow();
        WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, () -> visible("#result-print-certificate"));
        assertThat(text("#result-certificate-status")).isEqualTo("即办件已办结，可以打印办理结果");
        assertThat(robot.from(shell).lookup("#result-print-certificate").queryButton().getText()).isEqualTo("打印办理结果");

        robot.clickOn(robot.from(shell).lookup("#result-print-certificate").queryButton());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#result-certificate-status")
                .equals("办理结果已打印，请取走"));
        String pdf = JourneyRig.pdfText(rig.a4.jobs.get(rig.a4.jobs.size() - 1).data()).replaceAll("\\s+", "");
        assertThat(pdf).contains("办结证明", number, "张三丰");
    }

    @Test
    void offlineTheResultIsPrintableLaterThroughTheProgressQuery() throws Exception {
        start(false);
        assertThat(model.outcomeProperty().get().queuedOffline()).isTrue();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !text("#result-certificate-status").isEmpty());
        assertThat(text("#result-certificate-status")).isEqualTo("办理结果出具后，可凭身份证或办件编号在“办件查询”中打印");
        assertThat(visible("#result-print-certificate")).isFalse();
        robot.interact(i18n::next);
        assertThat(text("#result-certificate-status")).startsWith("Once the result is issued");
    }
}
