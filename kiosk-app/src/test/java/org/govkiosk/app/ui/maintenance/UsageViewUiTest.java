package org.govkiosk.app.ui.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.check.ScreenInspector;
import org.govkiosk.app.usage.UsageStatistics;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The usage tab's applications per item, with the catalog's long item names, rendered and looked at. */
class UsageViewUiTest {

    private static final String LONG = "基本养老保险待遇申领（按月领取养老金）";

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final I18n i18n = new I18n(List.of(I18n.ZH_CN, Locale.ENGLISH), I18n.ZH_CN);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void longItemNamesKeepTheirBarsAndAreNotCut() throws Exception {
        try (UsageStatistics usage = UsageStatistics.open(dir.resolve("usage.db"),
                new MutableClock(Instant.parse("2026-11-22T02:00:00Z")), ZoneId.of("Asia/Shanghai"), Runnable::run)) {
            for (int item = 0; item < 4; item++) {
                for (int n = 0; n <= item * 3; n++) {
                    usage.applicationSubmitted("code-" + item);
                }
            }
            UsageViewModel model = new UsageViewModel(usage, code -> LONG + "·" + code, i18n, Runnable::run,
                    Runnable::run);
            AtomicReference<List<ScreenInspector.Finding>> found = new AtomicReference<>();
            AtomicReference<List<Double>> bars = new AtomicReference<>();
            robot.interact(() -> {
                UsageView view = new UsageView(model, i18n);
                StackPane root = new StackPane(view.view());
                root.getStylesheets().add(UsageView.class.getResource("/org/govkiosk/app/ui/kiosk.css")
                        .toExternalForm());
                root.getStyleClass().add("shell");
                Scene scene = new Scene(root, 1280, 700);
                try {
                    model.refresh().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                root.applyCss();
                root.layout();
                var shot = scene.snapshot(null);
                bars.set(root.lookupAll(".usage-bar").stream().map(n -> n.getBoundsInParent().getWidth()).toList());
                found.set(new ScreenInspector(Set.of(), Set.of()).inspect(scene, shot, I18n.ZH_CN, false));
                Node items = root.lookup("#usage-items");
                assertThat(items.getBoundsInParent().getHeight()).isPositive();
            });
            assertThat(bars.get()).as("one bar per item, most first, in proportion").hasSize(4)
                    .allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(4.0)).isSortedAccordingTo(
                            java.util.Comparator.reverseOrder());
            assertThat(bars.get().get(0)).isGreaterThan(bars.get().get(3) * 5);
            assertThat(found.get()).as("what a technician would see wrong").isEmpty();
        }
    }
}
