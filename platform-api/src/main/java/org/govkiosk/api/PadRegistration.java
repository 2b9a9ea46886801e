package org.govkiosk.api;

/**
 * A rating pad (评价器) binds itself to its window. A pad is a terminal in mode {@code pad}: it registered its key
 * with {@link TerminalRegistration} first and signs this request like every other; registering again moves it to
 * another window (a pad that is carried to the next window is re-registered, not re-enrolled).
 *
 * @param padId    the pad's terminal id; must be the signing terminal
 * @param hallCode must be the hall the terminal was enrolled for
 * @param windowId the window whose rating requests it shows, e.g. "W-03"
 */
public record PadRegistration(String padId, String hallCode, String windowId) {

    public PadRegistration {
        Check.text(padId, "padId", 64);
        Check.text(hallCode, "hallCode", 64);
        Check.text(windowId, "windowId", 64);
    }
}
