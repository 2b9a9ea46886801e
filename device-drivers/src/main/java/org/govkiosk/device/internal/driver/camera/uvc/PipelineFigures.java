package org.govkiosk.device.internal.driver.camera.uvc;

/**
 * What a camera pipeline delivers, by the frames' own timestamps (not the wall clock of a loaded machine): the
 * caps it negotiated, the frames counted, and their rate.
 */
public final class PipelineFigures {

    private long frames;
    private long firstPts = -1;
    private long lastPts = -1;
    private String negotiated = "";

    synchronized void reset() {
        frames = 0;
        firstPts = -1;
        lastPts = -1;
        negotiated = "";
    }

    synchronized void sample(long pts) {
        frames++;
        if (pts >= 0) {
            if (firstPts < 0) {
                firstPts = pts;
            }
            lastPts = pts;
        }
    }

    synchronized void negotiated(String caps) {
        if (negotiated.isEmpty()) {
            negotiated = caps;
        }
    }

    /** The caps of the first frame that was copied, e.g. {@code video/x-raw, format=(string)GRAY8, ...}. */
    public synchronized String negotiated() {
        return negotiated;
    }

    public synchronized long frames() {
        return frames;
    }

    /** Frames per second by their presentation timestamps; 0 before two frames. */
    public synchronized double framesPerSecond() {
        if (frames < 2 || lastPts <= firstPts) {
            return 0;
        }
        return (frames - 1) * 1e9 / (lastPts - firstPts);
    }
}
