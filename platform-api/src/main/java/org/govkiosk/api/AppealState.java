package org.govkiosk.api;

/** Where an appeal (申诉复核) against a bad rating stands. */
public enum AppealState {
    /** Filed, waiting for a reviewer. */
    OPEN,
    /** 申诉成立: the rating stays in the record but counts in no score or rate. */
    UPHELD,
    /** 申诉不成立: the rating counts as before. */
    REJECTED
}
