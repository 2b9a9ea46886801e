package org.govkiosk.device.internal.driver.camera;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.govkiosk.device.CameraPreview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The viewers of a camera's live picture, each at its own rate and width. Asked and fed on the capture thread: a
 * frame is scaled down once per viewer that is due, so an unwatched camera costs nothing here.
 */
final class PreviewWatchers {

    private static final Logger LOG = LoggerFactory.getLogger(PreviewWatchers.class);
    /** Bounds a viewer's wishes: a preview is a glance, not a second video stream. */
    static final int MAX_PER_SECOND = 30;
    static final int MAX_WIDTH = 1280;

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

    private final class Watcher implements CameraPreview.Watch {
        final long intervalNanos;
        final int maxWidth;
        final Consumer<CameraPreview.Picture> viewer;
        volatile long nextDue = System.nanoTime();

        Watcher(int perSecond, int maxWidth, Consumer<CameraPreview.Picture> viewer) {
            this.intervalNanos = 1_000_000_000L / perSecond;
            this.maxWidth = maxWidth;
            this.viewer = viewer;
        }

        boolean due(long now) {
            return now - nextDue >= 0;
        }

        @Override
        public void close() {
            watchers.remove(this);
        }
    }

    CameraPreview.Watch add(int maxPerSecond, int maxWidth, Consumer<CameraPreview.Picture> viewer) {
        Objects.requireNonNull(viewer, "viewer");
        if (maxPerSecond < 1 || maxPerSecond > MAX_PER_SECOND || maxWidth < 16 || maxWidth > MAX_WIDTH) {
            throw new IllegalArgumentException("a preview takes 1.." + MAX_PER_SECOND + " pictures a second, 16.."
                    + MAX_WIDTH + " pixels wide; got " + maxPerSecond + " and " + maxWidth);
        }
        Watcher w = new Watcher(maxPerSecond, maxWidth, viewer);
        watchers.add(w);
        return w;
    }

    boolean anyDue() {
        long now = System.nanoTime();
        for (Watcher w : watchers) {
            if (w.due(now)) {
                return true;
            }
        }
        return false;
    }

    void offer(Frame frame) {
        long now = System.nanoTime();
        for (Watcher w : watchers) {
            if (!w.due(now)) {
                continue;
            }
            w.nextDue = now + w.intervalNanos;
            try {
                w.viewer.accept(picture(frame, w.maxWidth));
            } catch (RuntimeException e) {
                // A viewer's fault must not stop the capture; the picture itself is never logged.
                LOG.warn("A camera preview viewer failed: {}", e.toString());
            }
        }
    }

    /** The camera stopped delivering: each viewer is told once (null), so no frozen picture stays on a screen. */
    void stopped() {
        for (Watcher w : watchers) {
            try {
                w.viewer.accept(null);
            } catch (RuntimeException e) {
                LOG.warn("A camera preview viewer failed: {}", e.toString());
            }
        }
    }

    /** The frame scaled down to at most {@code maxWidth} (never up), as packed ARGB. */
    static org.govkiosk.device.CameraPreview.Picture picture(Frame frame, int maxWidth) {
        BufferedImage src = frame.image();
        int w = Math.min(maxWidth, src.getWidth());
        int h = Math.max(1, (int) Math.round((double) src.getHeight() * w / src.getWidth()));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        int[] argb = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        return new CameraPreview.Picture(w, h, argb, frame.arrivedAt());
    }
}
