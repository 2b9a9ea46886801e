package org.govkiosk.app.cases;

/**
 * Where a case stands on the terminal's side. Once the platform has it ({@link #REGISTERED}) the platform's
 * {@link org.govkiosk.api.CaseState} says the rest (受理, 补正, 办结, 出证 ...).
 */
public enum CaseStage {
    /** Being filled in; nothing has left the citizen's session. */
    DRAFT,
    /** The citizen confirmed; it is in the outbox, waiting for the platform. It is not lost if the network is. */
    QUEUED,
    /** The platform confirmed it and gave it a case number. */
    REGISTERED
}
