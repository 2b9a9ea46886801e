package org.govkiosk.app.ui.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.govkiosk.device.CameraPreview;

/**
 * The live picture of a screen's cameras, so the citizen sees the code or the page they hold to it. Watches the
 * cameras only while its screen is shown ({@link #start}, {@link #stop}). Pictures arrive on a camera's capture
 * thread; at most one hand-over to the FX thread is pending at a time, and it takes the newest picture then (a busy
 * FX thread skips pictures, it never queues them). With no live camera configured there is nothing to show, and
 * the screen reserves no place for it.
 */
public final class CameraPreviewModel {

    /** A glance at what is framed: modest rate and size, so the preview costs little beside the decoding. */
    public static final int PICTURES_PER_SECOND = 10;
    public static final int MAX_WIDTH = 480;

    /** Stands for "no picture" in the hand-over, where null means nothing is pending. */
    private static final CameraPreview.Picture NONE = new CameraPreview.Picture(1, 1, new int[1],
            java.time.Instant.EPOCH);

    private final List<CameraPreview> cameras;
    private final Executor fxThread;
    private final String hintKey;
    private final ReadOnlyObjectWrapper<CameraPreview.Picture> picture = new ReadOnlyObjectWrapper<>();
    private final AtomicReference<CameraPreview.Picture> pending = new AtomicReference<>();
    private final List<CameraPreview.Watch> watches = new ArrayList<>();
    private volatile boolean watching;

    /**
     * @param cameras the cameras whose picture this screen shows; only those with a live picture count
     * @param hintKey what the citizen is asked to do, e.g. hold the code to the camera
     */
    public CameraPreviewModel(List<? extends CameraPreview> cameras, Executor fxThread, String hintKey) {
        this.cameras = cameras.stream().filter(CameraPreview::hasLivePreview).map(c -> (CameraPreview) c).toList();
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.hintKey = Objects.requireNonNull(hintKey, "hintKey");
    }

    /** No camera, no preview: for terminals and screens without one. */
    public static CameraPreviewModel none(Executor fxThread) {
        return new CameraPreviewModel(List.of(), fxThread, "camera.preview.code");
    }

    /** Whether the screen has a live camera to show (and so a place for its picture). */
    public boolean configured() {
        return !cameras.isEmpty();
    }

    public String hintKey() {
        return hintKey;
    }

    /** The newest picture, set on the FX thread; null before the first and after {@link #stop}. */
    public ReadOnlyObjectProperty<CameraPreview.Picture> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    /** The screen is shown: watch its cameras. FX thread. */
    public void start() {
        if (watching) {
            return;
        }
        watching = true;
        for (CameraPreview c : cameras) {
            watches.add(c.watch(PICTURES_PER_SECOND, MAX_WIDTH, this::arrived));
        }
    }

    /** The screen is left: stop watching, and show nothing of the last citizen's picture next time. FX thread. */
    public void stop() {
        watching = false;
        watches.forEach(CameraPreview.Watch::close);
        watches.clear();
        pending.set(null);
        picture.set(null);
    }

    /** On a camera's thread; null when it stopped delivering. */
    private void arrived(CameraPreview.Picture p) {
        if (watching && pending.getAndSet(p == null ? NONE : p) == null) {
            fxThread.execute(this::show);
        }
    }

    private void show() {
        CameraPreview.Picture p = pending.getAndSet(null);
        if (p != null && watching) {
            picture.set(p == NONE ? null : p);
        }
    }
}
