package org.govkiosk.api;

/** Where a bad rating stands on the follow-up ledger: not yet called back, called back, closed with its outcome. */
public enum LedgerState {
    OPEN, CALLED_BACK, CLOSED
}
