package org.govkiosk.device.internal.driver.ratingpad;

import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.internal.codec.ratingpad.PadCondition;

/**
 * A pad's reported condition as a device status. A stuck key leaves four working keys: DEGRADED. A failed
 * display shows nothing to rate: OFFLINE, reported by the device itself (so the supervisor does not reconnect; the
 * pad's next STATUS brings it back). The argument names the stuck key for the technician ("key-stuck:5").
 */
final class RatingPadStatusMapping {

    static final String KEY_STUCK = "key-stuck";
    static final String DISPLAY_FAULT = "display-fault";

    private RatingPadStatusMapping() {
    }

    static DeviceStatusInfo toStatusInfo(PadCondition c) {
        if (c.displayFault()) {
            return DeviceStatusInfo.of(DeviceStatus.OFFLINE, DeviceStatusDetail.DISPLAY_FAULT, DISPLAY_FAULT);
        }
        if (c.keyStuck()) {
            return DeviceStatusInfo.of(DeviceStatus.DEGRADED, DeviceStatusDetail.KEY_STUCK,
                    KEY_STUCK + ":" + c.stuckKey());
        }
        return DeviceStatusInfo.online();
    }
}
