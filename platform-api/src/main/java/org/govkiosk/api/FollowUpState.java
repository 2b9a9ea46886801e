package org.govkiosk.api;

/** Where the hall stands with a bad rating (every real-name bad rating is revisited and fixed). */
public enum FollowUpState {
    /** Not yet looked at. */
    OPEN,
    /** The citizen was contacted / the fix is under way. */
    IN_PROGRESS,
    /** Fixed (整改完成); the note says how. */
    RESOLVED
}
