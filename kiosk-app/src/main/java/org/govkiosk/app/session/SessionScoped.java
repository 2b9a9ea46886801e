package org.govkiosk.app.session;

/** Holds something of one citizen's: cleared when the session ends, before the next citizen comes. */
public interface SessionScoped {

    void clearSessionData();
}
