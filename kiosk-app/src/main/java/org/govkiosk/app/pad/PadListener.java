package org.govkiosk.app.pad;

/** What the pad's connection tells its screen. Called on the connection's thread, never the FX thread. */
public interface PadListener {

    /** A request to show (it may be one already shown, after a reconnect). */
    void requestArrived(PadRequest request);

    /** That request is no longer open (superseded by a newer one, or rated on another pad). */
    void requestClosed(String requestId);

    /** Whether the stream is up; the screen says so, so a technician sees a pad that is cut off. */
    void connectionChanged(boolean connected);

    /**
     * The window's rating link the platform signed (评价二维码 of the idle screen), fetched at each registration and
     * again after its refreshAfter; the screen shows it until validUntil.
     */
    default void ratingLinkChanged(org.govkiosk.api.WindowRatingLink link) {
    }
}
