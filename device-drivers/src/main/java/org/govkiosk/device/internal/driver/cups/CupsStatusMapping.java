package org.govkiosk.device.internal.driver.cups;

import java.util.List;
import java.util.Locale;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;

/**
 * Maps a queue's IPP state to a device status. A reason keyword may carry a severity suffix: {@code -error} (or
 * none) stops printing, {@code -warning} does not, {@code -report} is information only. The worst condition wins:
 * jam, then paper out, cover open, offline, and near end (DEGRADED) last.
 */
public final class CupsStatusMapping {

    private CupsStatusMapping() {
    }

    public static DeviceStatusInfo toStatusInfo(CupsPrinterState s) {
        boolean jam = false;
        boolean paperOut = false;
        boolean coverOpen = false;
        boolean offline = s.state() == CupsPrinterState.STOPPED || !s.acceptingJobs();
        boolean nearEnd = false;
        for (String raw : s.reasons()) {
            String r = raw.toLowerCase(Locale.ROOT);
            if (r.endsWith("-report")) {
                continue;
            }
            boolean warning = r.endsWith("-warning");
            String base = r.replaceFirst("-(error|warning)$", "");
            switch (base) {
                case "media-jam", "input-tray-missing" -> {
                    if (warning) { nearEnd = true; } else { jam = true; }
                }
                case "media-empty", "media-needed" -> {
                    if (warning) { nearEnd = true; } else { paperOut = true; }
                }
                case "door-open", "cover-open", "interlock-open" -> {
                    if (warning) { nearEnd = true; } else { coverOpen = true; }
                }
                case "offline", "paused", "shutdown", "stopped", "moving-to-paused",
                        "toner-empty", "marker-supply-empty" -> {
                    if (!warning || base.equals("offline")) { offline = true; }
                }
                case "media-low", "toner-low", "marker-supply-low", "developer-low" -> nearEnd = true;
                default -> {
                    // none, cups-* housekeeping, unknown keywords: a stopped queue is caught by printer-state
                }
            }
        }
        if (jam) {
            return DeviceStatusInfo.offline(DeviceStatusDetail.PAPER_JAM);
        }
        if (paperOut) {
            return DeviceStatusInfo.offline(DeviceStatusDetail.PAPER_OUT);
        }
        if (coverOpen) {
            return DeviceStatusInfo.offline(DeviceStatusDetail.COVER_OPEN);
        }
        if (offline) {
            return DeviceStatusInfo.offline(DeviceStatusDetail.PRINTER_OFFLINE);
        }
        if (nearEnd) {
            return DeviceStatusInfo.degraded(DeviceStatusDetail.PAPER_NEAR_END);
        }
        return DeviceStatusInfo.online();
    }

    /** The reasons that matter to a technician, for logs: without {@code none} and {@code -report} noise. */
    static List<String> significant(List<String> reasons) {
        return reasons.stream().filter(r -> !r.equals("none") && !r.endsWith("-report")).toList();
    }
}
