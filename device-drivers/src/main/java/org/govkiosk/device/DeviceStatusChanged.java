package org.govkiosk.device;

import java.time.Instant;

/** Published on every status change of a device. */
public record DeviceStatusChanged(String deviceId, DeviceStatusInfo oldStatus, DeviceStatusInfo newStatus, Instant at) {
}
