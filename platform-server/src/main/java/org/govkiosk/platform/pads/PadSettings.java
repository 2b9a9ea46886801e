package org.govkiosk.platform.pads;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the rating-pad service.
 *
 * @param requestValidity  how long a rating request waits for a pad (and stays on it)
 * @param heartbeat        interval of the comment lines that keep idle streams open and find dead ones
 * @param nationalSettle   the national export leaves out ratings received this recently, so a rating whose
 *                         transaction commits late cannot fall behind a cursor that already passed its time
 */
public record PadSettings(Duration requestValidity, Duration heartbeat, Duration nationalSettle) {

    public static final String HEARTBEAT_PROPERTY = "govkiosk.pads.heartbeat-millis";
    public static final String VALIDITY_PROPERTY = "govkiosk.pads.request-validity-seconds";

    public PadSettings {
        Objects.requireNonNull(requestValidity, "requestValidity");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(nationalSettle, "nationalSettle");
        if (requestValidity.isNegative() || requestValidity.isZero() || heartbeat.toMillis() < 10) {
            throw new IllegalArgumentException("requestValidity must be positive and heartbeat at least 10 ms");
        }
    }

    /** 5 minutes, 15 s, 2 s; system properties may change the first two (tests, benchmarks). */
    public static PadSettings defaults() {
        return new PadSettings(
                Duration.ofSeconds(Long.getLong(VALIDITY_PROPERTY, 300)),
                Duration.ofMillis(Long.getLong(HEARTBEAT_PROPERTY, 15_000)),
                Duration.ofSeconds(2));
    }
}
