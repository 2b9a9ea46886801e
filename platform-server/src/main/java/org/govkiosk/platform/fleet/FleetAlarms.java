package org.govkiosk.platform.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.govkiosk.api.DeviceState;
import org.govkiosk.api.TerminalStatus;

/**
 * Turns the terminals' last heartbeats into the fleet page's rows: liveness, alarms, and the order a technician
 * reads them in (critical first, then warnings, then the quiet ones). Pure: no I/O, the time is given.
 */
public final class FleetAlarms {

    private final FleetSettings settings;

    public FleetAlarms(FleetSettings settings) {
        this.settings = settings;
    }

    public List<FleetRow> rows(List<TerminalStatus> terminals, Instant now) {
        return terminals.stream().map(t -> row(t, now))
                .sorted(Comparator.comparingInt(FleetAlarms::rank)
                        .thenComparing(r -> String.valueOf(r.terminal().hallCode()))
                        .thenComparing(r -> r.terminal().terminalId()))
                .toList();
    }

    private static int rank(FleetRow row) {
        return row.worst().map(Enum::ordinal).orElse(Alarm.Severity.values().length);
    }

    FleetRow row(TerminalStatus t, Instant now) {
        List<Alarm> alarms = new ArrayList<>();
        FleetRow.Liveness liveness;
        Optional<Duration> since = Optional.ofNullable(t.lastHeartbeatAt()).map(at -> Duration.between(at, now));
        if (since.isEmpty()) {
            liveness = FleetRow.Liveness.NEVER;
            alarms.add(new Alarm(Alarm.Kind.NO_HEARTBEAT_YET, null, null));
        } else if (since.get().compareTo(staleAfter(t)) > 0) {
            liveness = FleetRow.Liveness.STALE;
            alarms.add(new Alarm(Alarm.Kind.TERMINAL_OFFLINE, null, null));
        } else {
            liveness = FleetRow.Liveness.LIVE;
        }
        if (t.auditProblem() != null) {
            alarms.add(new Alarm(Alarm.Kind.AUDIT_TAMPERED, null, t.auditProblem()));
        }
        for (DeviceState d : t.devices()) {
            deviceAlarm(d).ifPresent(alarms::add);
        }
        Long oldest = t.outboxOldestAgeSeconds();
        if (oldest != null && oldest > settings.outboxAgeAlarm().toSeconds()) {
            // The age is shown in the page's language beside the label, from the terminal's status.
            alarms.add(new Alarm(Alarm.Kind.OUTBOX_BACKLOG, null, null));
        }
        alarms.sort(Comparator.comparing(Alarm::severity));
        return new FleetRow(t, liveness, since, alarms);
    }

    /** No heartbeat for this long and the terminal counts as offline. */
    Duration staleAfter(TerminalStatus t) {
        Duration interval = t.heartbeatIntervalSeconds() != null
                ? Duration.ofSeconds(t.heartbeatIntervalSeconds()) : settings.defaultInterval();
        return interval.multipliedBy(settings.staleAfterIntervals());
    }

    /** One alarm per device, the most specific: a printer out of paper is also offline, but "paper out" says why. */
    static Optional<Alarm> deviceAlarm(DeviceState d) {
        String detail = d.detail() == null ? "" : d.detail();
        Alarm.Kind kind = switch (detail) {
            case "PAPER_OUT" -> Alarm.Kind.PAPER_OUT;
            case "COVER_OPEN" -> Alarm.Kind.COVER_OPEN;
            case "PAPER_JAM" -> Alarm.Kind.PAPER_JAM;
            case "PAPER_NEAR_END" -> Alarm.Kind.PAPER_NEAR_END;
            default -> switch (d.status()) {
                case "OFFLINE" -> Alarm.Kind.DEVICE_OFFLINE;
                case "DEGRADED" -> Alarm.Kind.DEVICE_DEGRADED;
                default -> null;
            };
        };
        if (kind == null) {
            return Optional.empty();
        }
        boolean detailIsLabel = kind.name().equals(detail);
        return Optional.of(new Alarm(kind, d.deviceId(), detailIsLabel || detail.isEmpty() ? null : detail));
    }
}
