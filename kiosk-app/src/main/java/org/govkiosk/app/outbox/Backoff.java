package org.govkiosk.app.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The outbox's parameters for the project's one backoff, {@link org.govkiosk.shared.retry.Backoff}: 2 s doubling
 * to 5 min, up to 20 % less. Only the parameters live here (the class keeps its old name for the callers that
 * ask for {@link #standard()}); build other backoffs with the shared record itself.
 */
public final class Backoff {

    private Backoff() {
    }

    /** 2 s doubling to 5 min, up to 20 % less. */
    public static org.govkiosk.shared.retry.Backoff standard() {
        return new org.govkiosk.shared.retry.Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 0.2,
                RandomGenerator.getDefault());
    }
}
