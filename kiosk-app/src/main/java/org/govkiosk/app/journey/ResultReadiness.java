package org.govkiosk.app.journey;

/** Whether a 即办件's result can be printed at the terminal right after it was submitted (自助出证). */
public enum ResultReadiness {
    /** Decided, with its result document: print it now. */
    READY,
    /** The platform has the case but has not decided it yet: printable later through the progress query. */
    PENDING,
    /** The platform cannot be reached now: printable later through the progress query. */
    UNREACHABLE
}
