package org.govkiosk.app.journey;

import java.util.List;

/** The answer to a progress query. */
public sealed interface ProgressAnswer {

    /** Newest first; one case for a query by number. */
    record Found(List<CaseProgress> cases) implements ProgressAnswer {
        public Found {
            cases = List.copyOf(cases);
        }
    }

    /** No case with that number, or none for that applicant. */
    record NotFound() implements ProgressAnswer {
    }

    /** The platform cannot be asked now; {@code retryable} when trying again later may help. */
    record Unavailable(boolean retryable) implements ProgressAnswer {
    }

    /** What was typed or scanned is no case number. */
    record NotACaseNumber() implements ProgressAnswer {
    }
}
