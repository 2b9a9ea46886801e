package org.govkiosk.app.ops;

import java.util.List;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusInfo;

/**
 * The terminal's health at a glance: UP when every device works, DEGRADED when something is out or running low
 * but citizens can still be served, DOWN when a citizen can no longer identify themselves at all.
 */
public record HealthReport(String status, String terminal, long uptimeSeconds, List<DeviceHealth> devices) {

    public record DeviceHealth(String id, String family, String status, String detail) {
    }

    static final List<DeviceFamily> IDENTIFICATION = List.of(DeviceFamily.ID_CARD_READER,
            DeviceFamily.SMART_CARD_READER, DeviceFamily.QR_SCANNER);

    public static HealthReport of(String terminalId, long uptimeSeconds, List<? extends Device> devices) {
        List<DeviceHealth> rows = devices.stream().map(d -> {
            DeviceStatusInfo s = d.status();
            return new DeviceHealth(d.id(), d.family().configName(), s.status().name(), s.detail().name());
        }).toList();
        boolean canIdentify = devices.stream()
                .anyMatch(d -> IDENTIFICATION.contains(d.family()) && d.status().isUsable());
        boolean allWell = devices.stream().allMatch(d -> d.status().status() == DeviceStatus.ONLINE
                || d.status().status() == DeviceStatus.DISABLED);
        String status = !canIdentify ? "DOWN" : allWell ? "UP" : "DEGRADED";
        return new HealthReport(status, terminalId, uptimeSeconds, rows);
    }

    public boolean serving() {
        return !status.equals("DOWN");
    }
}
