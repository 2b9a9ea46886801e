package org.govkiosk.platform.fleet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.govkiosk.api.DeviceState;

/**
 * What a technician runs next on a terminal, from its alarms: the terminal's own {@code diag} commands (README,
 * "Technicians over SSH") for the devices concerned, and where its logs are. The platform keeps no terminal logs,
 * so the page says where to read them instead of linking to nothing.
 */
final class NextSteps {

    static final String GOVKIOSK = "/opt/govkiosk/bin/govkiosk";
    static final String UNIT = "govkiosk-terminal";

    private NextSteps() {
    }

    /** Commands that read without touching the devices, first the ones the alarms point at. */
    static List<String> diagnose(FleetRow row) {
        Set<String> out = new LinkedHashSet<>();
        for (Alarm a : row.alarms()) {
            switch (a.kind()) {
                case TERMINAL_OFFLINE -> out.add("systemctl status " + UNIT);
                case NO_HEARTBEAT_YET -> out.add(GOVKIOSK + " diag config-check");
                case OUTBOX_BACKLOG -> out.add(GOVKIOSK + " diag outbox");
                case AUDIT_TAMPERED -> out.add("journalctl -u " + UNIT + " --since \"1 day ago\"");
                default -> {
                }
            }
        }
        out.add(GOVKIOSK + " diag ports");
        out.add(GOVKIOSK + " diag outbox");
        return List.copyOf(out);
    }

    /** Commands that open a device (the service must be stopped first): probe each alarmed device, test-print. */
    static List<String> deviceChecks(FleetRow row) {
        List<String> out = new ArrayList<>();
        for (Alarm a : row.alarms()) {
            if (a.deviceId() == null) {
                continue;
            }
            String id = shellWord(a.deviceId());
            out.add(GOVKIOSK + " diag probe " + id);
            if (a.kind() == Alarm.Kind.PAPER_OUT || a.kind() == Alarm.Kind.PAPER_NEAR_END
                    || a.kind() == Alarm.Kind.PAPER_JAM || a.kind() == Alarm.Kind.COVER_OPEN
                    || isPrinter(row, a.deviceId())) {
                out.add(GOVKIOSK + " diag test-page " + id);
            }
        }
        return out.stream().distinct().toList();
    }

    static List<String> logs() {
        return List.of("journalctl -u " + UNIT + " --since \"1 hour ago\"",
                "find /var/lib/govkiosk -name 'terminal.log*'");
    }

    private static boolean isPrinter(FleetRow row, String deviceId) {
        return row.terminal().devices().stream().filter(d -> deviceId.equals(d.deviceId())).map(DeviceState::family)
                .anyMatch(f -> f != null && f.endsWith("PRINTER"));
    }

    /** A device id as one shell word: single-quoted unless it is plainly safe (ids come from the terminal). */
    static String shellWord(String s) {
        if (s.matches("[A-Za-z0-9._:/@+-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
