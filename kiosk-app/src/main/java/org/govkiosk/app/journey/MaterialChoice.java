package org.govkiosk.app.journey;

/** What the citizen declared about one required material. */
public enum MaterialChoice {
    /** 免证办: the platform fetches the e-licence; nothing to hand in. */
    E_LICENCE,
    /** The citizen has it (to hand in at the window or scanned at the terminal). */
    PROVIDED,
    /** The citizen does not have it: it goes on the one-time notification and the case waits for it (补正). */
    MISSING,
    /** 容缺受理: accepted without it on a signed commitment (告知承诺) to bring it later. */
    DEFERRED
}
