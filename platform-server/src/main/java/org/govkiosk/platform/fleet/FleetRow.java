package org.govkiosk.platform.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.govkiosk.api.TerminalStatus;

/**
 * One terminal as the fleet page shows it.
 *
 * @param sinceHeartbeat empty if it never beat
 */
public record FleetRow(TerminalStatus terminal, Liveness liveness, Optional<Duration> sinceHeartbeat,
        List<Alarm> alarms) {

    /** Whether the terminal is heard from. */
    public enum Liveness { LIVE, STALE, NEVER }

    public FleetRow {
        alarms = List.copyOf(alarms);
    }

    /** The worst alarm's severity; empty when all is well. */
    public Optional<Alarm.Severity> worst() {
        return alarms.stream().map(Alarm::severity).min(Enum::compareTo);
    }
}
