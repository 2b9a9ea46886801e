package org.govkiosk.app.ui.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.govkiosk.device.CameraPreview;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatusInfo;
import org.junit.jupiter.api.Test;

/** The hand-over of camera pictures to the FX thread: one pending at a time, the newest wins, nothing after stop. */
class CameraPreviewModelTest {

    /** A camera whose capture thread is the test; counts its viewers. */
    static final class Camera implements CameraPreview {
        final boolean live;
        final List<Consumer<Picture>> viewers = new CopyOnWriteArrayList<>();

        Camera(boolean live) {
            this.live = live;
        }

        void send(int n) {
            viewers.forEach(v -> v.accept(new Picture(1, 1, new int[] {n}, Instant.EPOCH)));
        }

        @Override
        public boolean hasLivePreview() {
            return live;
        }

        @Override
        public Watch watch(int maxPerSecond, int maxWidth, Consumer<Picture> viewer) {
            viewers.add(viewer);
            return () -> viewers.remove(viewer);
        }

        @Override
        public String id() {
            return "cam";
        }

        @Override
        public DeviceFamily family() {
            return DeviceFamily.QR_SCANNER;
        }

        @Override
        public DeviceStatusInfo status() {
            return DeviceStatusInfo.online();
        }

        @Override
        public void start() {
        }

        @Override
        public void close() {
        }
    }

    /** An FX thread that runs what it was given only when the test says. */
    private final List<Runnable> fxQueue = new ArrayList<>();

    private void runFx() {
        List<Runnable> now = new ArrayList<>(fxQueue);
        fxQueue.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void picturesArrivingWhileTheFxThreadIsBusyCoalesceToTheNewest() {
        Camera camera = new Camera(true);
        CameraPreviewModel model = new CameraPreviewModel(List.of(camera), fxQueue::add, "camera.preview.code");
        assertThat(model.configured()).isTrue();
        camera.send(1);
        assertThat(fxQueue).as("nothing is watched before the screen shows").isEmpty();
        model.start();
        camera.send(1);
        camera.send(2);
        camera.send(3);
        assertThat(fxQueue).as("one hand-over pending, not one per picture").hasSize(1);
        runFx();
        assertThat(model.pictureProperty().get().argb()).containsExactly(3);
        camera.send(4);
        camera.viewers.forEach(v -> v.accept(null)); // the camera was unplugged after that picture
        assertThat(fxQueue).hasSize(1);
        runFx();
        assertThat(model.pictureProperty().get()).as("no frozen picture of an unplugged camera").isNull();
        camera.send(5);
        assertThat(fxQueue).hasSize(1);
        model.stop();
        runFx();
        assertThat(model.pictureProperty().get()).as("the last citizen's picture is forgotten").isNull();
        assertThat(camera.viewers).isEmpty();
    }

    @Test
    void aFolderCameraHasNoLivePictureSoTheScreenKeepsNoPlaceForIt() {
        CameraPreviewModel model = new CameraPreviewModel(List.of(new Camera(false)), Runnable::run,
                "camera.preview.page");
        assertThat(model.configured()).isFalse();
        model.start();
        assertThat(model.pictureProperty().get()).isNull();
        assertThat(CameraPreviewModel.none(Runnable::run).configured()).isFalse();
    }
}
