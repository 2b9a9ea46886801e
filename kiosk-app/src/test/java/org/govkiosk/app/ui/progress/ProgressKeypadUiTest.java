package org.govkiosk.app.ui.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 办件查询's keypad (issue 13): its keys stay where they are however long the typed number grows (they used to move
 * left as the display widened, so taps landed on the wrong key), and each is a finger's size, at least 60×60 px.
 */
class ProgressKeypadUiTest {

    private TerminalRig rig;

    @AfterEach
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    private Map<String, Bounds> keys() {
        Map<String, Bounds> keys = new LinkedHashMap<>();
        for (Node key : rig.robot().lookup(".keypad-key").queryAll()) {
            keys.put(key.getId(), key.localToScene(key.getLayoutBounds()));
        }
        return keys;
    }

    @Test
    void keysNeverMoveAndAreLargeEnough(@TempDir Path dir) throws Exception {
        rig = new TerminalRig(dir).start();
        rig.robot().clickOn("#start");
        rig.robot().clickOn("#tile-query");
        Map<String, Bounds> before = keys();
        assertThat(before).hasSize(37);
        assertThat(before.values()).allSatisfy(b -> {
            assertThat(b.getWidth()).isGreaterThanOrEqualTo(60);
            assertThat(b.getHeight()).isGreaterThanOrEqualTo(60);
        });
        for (char c : "GK2026120612345678901234".toCharArray()) {
            rig.robot().clickOn("#key-" + c);
        }
        assertThat(rig.text("#progress-typed")).isEqualTo("GK2026120612345678901234");
        assertThat(keys()).as("no key moved or changed size while typing").isEqualTo(before);
    }
}
