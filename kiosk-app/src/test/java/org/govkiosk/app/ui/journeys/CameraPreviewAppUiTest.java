package org.govkiosk.app.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.govkiosk.app.ui.camera.CameraPreviewPane;
import org.govkiosk.device.internal.driver.camera.uvc.UvcCameraDriverFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The live camera picture on the identification screen, in the real terminal with a USB camera device whose source
 * is GStreamer's moving test pattern: the citizen sees frames, and nothing on the screen moves when a picture
 * appears or goes (its place is kept); the same camera set up for documents shows its picture beside the materials
 * checklist. Screenshots in target/screens/identify-camera-preview-*.png and materials-camera-preview-*.png.
 */
class CameraPreviewAppUiTest {

    private static final List<String> STEADY = List.of("#identify-preview-frame", "#identify-phone", "#identify-next",
            "#identify-name", "#identify-methods", "#identify-preview-hint");

    private TerminalRig rig;
    private FxRobot robot;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(gstreamerInstalled(), "GStreamer is not installed (apt-get install"
                + " libgstreamer1.0-0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good; CI installs them)");
        rig = new TerminalRig(dir).withDevices("""
                  - id: cam-1
                    family: qr-scanner
                    model: %s
                    transport: system
                    poll-interval: 200ms
                    options: { pipeline: "videotestsrc is-live=true pattern=ball", width: "640", height: "480", frame-rate: "15", documents: "true" }
                """.formatted(UvcCameraDriverFactory.MODEL)).start();
        robot = rig.robot();
    }

    private static boolean gstreamerInstalled() {
        return java.nio.file.Files.exists(Path.of("/usr/lib/" + System.getProperty("os.arch").replace("amd64",
                "x86_64") + "-linux-gnu/gstreamer-1.0/libgstvideotestsrc.so"));
    }

    @AfterEach
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    private ImageView picture() {
        return robot.lookup("#identify-preview-picture").queryAs(ImageView.class);
    }

    /** Where each steady part of the screen is, in scene coordinates. */
    private Map<String, Bounds> layout() {
        AtomicReference<Map<String, Bounds>> out = new AtomicReference<>();
        robot.interact(() -> {
            Map<String, Bounds> m = new LinkedHashMap<>();
            for (String q : STEADY) {
                Node n = robot.lookup(q).query();
                m.put(q, n.localToScene(n.getBoundsInLocal()));
            }
            out.set(m);
        });
        return out.get();
    }

    /** Pixels on a grid over the picture, as ARGB: the ball moves, so they change between frames. */
    private static List<Integer> grid(Image image) {
        List<Integer> row = new ArrayList<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                row.add(image.getPixelReader().getArgb(x, y));
            }
        }
        return row;
    }

    @Test
    void theIdentificationScreenShowsTheCameraPictureAndNothingMovesWhenItAppears() throws Exception {
        robot.clickOn("#start");
        robot.clickOn("#tile-identify");
        assertThat(rig.screen()).isEqualTo(ScreenId.IDENTIFY);
        assertThat(rig.text("#identify-preview-hint")).isEqualTo("请将二维码对准摄像头");

        TerminalRig.waitFor(20, () -> picture().getImage() != null);
        Map<String, Bounds> withPicture = layout();
        Bounds frame = withPicture.get("#identify-preview-frame");
        assertThat(frame.getWidth()).isEqualTo(CameraPreviewPane.WIDTH);
        assertThat(frame.getHeight()).isEqualTo(CameraPreviewPane.HEIGHT);
        Image first = picture().getImage();
        assertThat(first.getWidth()).isEqualTo(480); // 640x480 frames scaled to the preview's 480 pixels
        List<Integer> before = grid(first);
        assertThat(before.stream().distinct().count()).as("the test pattern, not a blank picture").isGreaterThan(1);
        // Frames keep coming: the same image is written over, and what it shows changes as the ball moves.
        TerminalRig.waitFor(20, () -> {
            AtomicReference<List<Integer>> now = new AtomicReference<>();
            robot.interact(() -> now.set(grid(picture().getImage())));
            return !now.get().equals(before);
        });

        // Without a picture (before the first, or after the camera stops) the screen is laid out the same.
        robot.interact(() -> {
            picture().setImage(null);
            robot.lookup("#shell").query().getScene().getRoot().layout();
        });
        assertThat(layout()).isEqualTo(withPicture);
        TerminalRig.waitFor(20, () -> picture().getImage() != null);
        assertThat(layout()).isEqualTo(withPicture);

        Screens.check(robot, rig, "identify-camera-preview");

        // Leaving the screen stops the preview and forgets the last picture.
        ImageView shown = picture();
        robot.clickOn("#back");
        TerminalRig.waitFor(10, () -> rig.screen() != ScreenId.IDENTIFY);
        TerminalRig.waitFor(10, () -> shown.getImage() == null);
    }

    @Test
    void theMaterialsChecklistShowsTheDocumentCameraPictureBesideTheList() throws Exception {
        rig.identifyWithIdCard();
        rig.fillThePensionForm();
        assertThat(rig.text("#materials-preview-hint")).isEqualTo("请将材料平放在高拍仪下");
        TerminalRig.waitFor(20, () -> robot.lookup("#materials-preview-picture").queryAs(ImageView.class)
                .getImage() != null);
        Bounds frame = robot.lookup("#materials-preview-frame").query().getBoundsInParent();
        assertThat(frame.getWidth()).isEqualTo(CameraPreviewPane.WIDTH);
        Screens.check(robot, rig, "materials-camera-preview");
    }
}
