package org.govkiosk.api;

/** Where one department's step of a joint case (联办件) stands. */
public enum JointStepState {
    /** 待办: the department has not taken it up. */
    WAITING,
    /** 办理中. */
    IN_PROGRESS,
    /** 同意. */
    AGREED,
    /** 不同意: with the department's written reason. */
    REFUSED;

    /** A decision that stands: the step does not move again. */
    public boolean isDecided() {
        return this == AGREED || this == REFUSED;
    }
}
