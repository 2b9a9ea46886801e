package org.govkiosk.app.outbox;

/** What an outbox entry carries to the platform; both travel the same way. */
public enum EntryKind {
    /** An application (办件) the citizen submitted. */
    CASE,
    /** A 好差评 rating. */
    RATING
}
