package org.govkiosk.api;

import java.time.Instant;

/** One step in a case's history; {@code note} is the written reason where the state needs one. */
public record CaseEvent(CaseState state, Instant at, String note) {

    public CaseEvent {
        Check.present(state, "state");
        Check.present(at, "at");
    }
}
