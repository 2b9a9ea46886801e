package org.govkiosk.api;

/**
 * What a clerk does to a ledger entry: name its owner, record the call-back (回访), extend the deadline (needs a
 * written reason and a new deadline), close it with the rectification and the outcome told to the citizen.
 */
public enum LedgerActionKind {
    ASSIGN, CALL_BACK, EXTEND, CLOSE
}
