package org.govkiosk.app.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.testkit.Screenshots;
import org.govkiosk.app.ui.TerminalRig;
import org.govkiosk.app.ui.check.ScreenInspector;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A journey's screen as a person sees it, in Chinese and in English: each is saved as
 * {@code target/screens/NAME-zh.png} / {@code -en.png} for a look, and inspected as the screen check inspects
 * (cut text, contrast, small targets, overlaps, "null", raw keys, Chinese left on the English screen).
 */
final class Screens {

    static final Path OUT = Paths.get("target", "screens");
    private static final ScreenInspector INSPECTOR = new ScreenInspector(I18n.bundle(I18n.ZH_CN).keySet(),
            Set.of("lang-switch", "farewell-take-citizen"));

    private Screens() {
    }

    static void check(FxRobot robot, TerminalRig rig, String name) throws Exception {
        I18n i18n = rig.app().context().i18n();
        Locale before = i18n.locale();
        List<String> findings = new ArrayList<>();
        try {
            for (Locale locale : List.of(I18n.ZH_CN, Locale.ENGLISH)) {
                robot.interact(() -> i18n.localeProperty().set(locale));
                WaitForAsyncUtils.waitForFxEvents();
                AtomicReference<WritableImage> shot = new AtomicReference<>();
                AtomicReference<List<ScreenInspector.Finding>> found = new AtomicReference<>();
                robot.interact(() -> {
                    Scene scene = robot.lookup("#shell").query().getScene();
                    shot.set(scene.snapshot(null));
                    found.set(INSPECTOR.inspect(scene, shot.get(), locale, false));
                });
                String tag = locale.getLanguage().equals("zh") ? "zh" : "en";
                Screenshots.write(shot.get(), OUT.resolve(name + "-" + tag + ".png"));
                found.get().forEach(f -> findings.add(tag + ": " + f));
            }
        } finally {
            robot.interact(() -> i18n.localeProperty().set(before));
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(findings).as("what a person would see wrong on %s (screenshots in %s)", name,
                OUT.toAbsolutePath()).isEmpty();
    }
}
