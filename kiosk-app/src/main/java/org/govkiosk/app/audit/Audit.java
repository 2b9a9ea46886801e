package org.govkiosk.app.audit;

import java.util.Map;

/** Where the terminal records who did what (technician logins, config reloads, sessions, submissions). */
@FunctionalInterface
public interface Audit {

    /**
     * Records one event. {@code details} must not need personal data; what looks like an ID or phone number is
     * masked anyway before it is written.
     */
    void record(String event, Map<String, String> details);

    default void record(String event) {
        record(event, Map.of());
    }
}
