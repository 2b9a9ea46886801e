package org.govkiosk.device.internal.driver.escpos;

import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.internal.codec.escpos.PrinterStatus;

/** What a printer's status bytes mean for the terminal: usable or not, and the reason a technician sees. */
final class PrinterStatusMapping {

    private PrinterStatusMapping() {
    }

    /**
     * The most actionable problem wins: paper first (the commonest and the one a technician fixes at once), then
     * the cover, the cutter, and any other error or offline state. Near end still serves.
     */
    static DeviceStatusInfo toStatusInfo(PrinterStatus s) {
        if (s.paperOut()) {
            return DeviceStatusInfo.offline(DeviceStatusDetail.PAPER_OUT);
        }
        if (s.coverOpen()) {
            return DeviceStatusInfo.offline(DeviceStatusDetail.COVER_OPEN);
        }
        if (s.cutterError()) {
            return DeviceStatusInfo.offline(DeviceStatusDetail.CUTTER_ERROR);
        }
        if (s.error() || !s.online()) {
            return DeviceStatusInfo.offline(DeviceStatusDetail.PRINTER_OFFLINE);
        }
        if (s.paperNearEnd()) {
            return DeviceStatusInfo.degraded(DeviceStatusDetail.PAPER_NEAR_END);
        }
        return DeviceStatusInfo.online();
    }
}
