package org.govkiosk.app.ui;

/** Every screen of the terminal. {@code citizen} screens belong to a session and never outlive it. */
public enum ScreenId {
    ATTRACT(false),
    HOME(true),
    IDENTIFY(true),
    CATALOG(true),
    GUIDE(true),
    APPLY_FORM(true),
    APPLY_MATERIALS(true),
    APPLY_CONFIRM(true),
    APPLY_RESULT(true),
    PROGRESS(true),
    SUPPLEMENT(true),
    RATE(true),
    MAINTENANCE_PIN(false),
    MAINTENANCE(false),
    PAD(false);

    private final boolean citizen;

    ScreenId(boolean citizen) {
        this.citizen = citizen;
    }

    public boolean isCitizen() {
        return citizen;
    }
}
