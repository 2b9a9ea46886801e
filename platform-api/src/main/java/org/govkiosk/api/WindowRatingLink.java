package org.govkiosk.api;

import java.time.Instant;

/**
 * A window's rating link (评价二维码 at the window and on its pad's idle screen), signed by the platform: a phone that
 * opens it rates the window's latest contact not yet rated. The terminal shows it and cannot make one.
 *
 * @param url          the link for the QR code
 * @param validUntil   after this the link no longer opens a rating
 * @param refreshAfter when the pad should fetch a fresh one (well before validUntil)
 */
public record WindowRatingLink(String hallCode, String windowId, String url, Instant validUntil,
        Instant refreshAfter) {

    public WindowRatingLink {
        Check.text(hallCode, "hallCode", 64);
        Check.text(windowId, "windowId", 64);
        Check.text(url, "url", 1000);
        Check.present(validUntil, "validUntil");
        Check.present(refreshAfter, "refreshAfter");
    }
}
