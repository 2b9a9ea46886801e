package org.govkiosk.api;

/**
 * One device's status in a heartbeat.
 *
 * @param family the device family (ID_CARD_READER, RECEIPT_PRINTER, ...), as the terminal names it
 * @param status ONLINE, DEGRADED, OFFLINE, ... (the terminal's device status names)
 * @param detail PAPER_OUT, COVER_OPEN, ...; optional
 */
public record DeviceState(String deviceId, String family, String status, String detail) {

    public DeviceState {
        Check.text(deviceId, "devices.deviceId", 64);
        Check.text(family, "devices.family", 64);
        Check.text(status, "devices.status", 32);
        Check.optionalText(detail, "devices.detail", 200);
    }
}
