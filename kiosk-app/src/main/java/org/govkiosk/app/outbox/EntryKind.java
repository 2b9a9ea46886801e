package org.govkiosk.app.outbox;

/** What an outbox entry carries to the platform; all travel the same way. */
public enum EntryKind {
    /** An application (办件) the citizen submitted. */
    CASE,
    /** A 好差评 rating. */
    RATING,
    /** Materials handed in for a case waiting for them (补正). */
    SUPPLEMENT,
    /** A finished case's certificate the terminal printed (出证): no personal data, only the case number. */
    ISSUANCE
}
