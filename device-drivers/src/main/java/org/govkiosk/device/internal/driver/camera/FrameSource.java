package org.govkiosk.device.internal.driver.camera;

/**
 * Where camera frames come from: a watched folder of picture files, or a capture device (a USB camera). A source runs on its own thread
 * (decoding a frame is CPU work that must not hold up the shared device scheduler) and reports everything,
 * failures included, to its {@link FrameSink}; nothing escapes as an exception.
 */
public interface FrameSource extends AutoCloseable {

    /** Starts delivering to {@code sink}; returns at once. Called once. */
    void start(FrameSink sink);

    /** Asks an unavailable source to look again now rather than at its next interval. */
    void retryNow();

    /** For logs and the maintenance screen, e.g. {@code folder:/var/lib/govkiosk/camera}. */
    String describe();

    /** Whether frames come live from a capture device (and so can be previewed), not from files. */
    default boolean isLive() {
        return false;
    }

    @Override
    void close();
}
