package org.govkiosk.device;

import java.util.List;
import java.util.Objects;

/**
 * A device's status, why it has it, and a message for people: {@code messageKey} is an i18n key,
 * {@code args} fill its placeholders. Args never carry personal data.
 */
public record DeviceStatusInfo(DeviceStatus status, DeviceStatusDetail detail, String messageKey, List<Object> args) {

    public DeviceStatusInfo {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(messageKey, "messageKey");
        args = List.copyOf(args);
    }

    public static DeviceStatusInfo of(DeviceStatus status, DeviceStatusDetail detail, Object... args) {
        String key = detail == DeviceStatusDetail.NONE
                ? "device.status." + status.name().toLowerCase(java.util.Locale.ROOT)
                : detail.messageKey();
        return new DeviceStatusInfo(status, detail, key, List.of(args));
    }

    public static DeviceStatusInfo uninitialized() {
        return of(DeviceStatus.UNINITIALIZED, DeviceStatusDetail.NONE);
    }

    public static DeviceStatusInfo online() {
        return of(DeviceStatus.ONLINE, DeviceStatusDetail.NONE);
    }

    public static DeviceStatusInfo offline(DeviceStatusDetail detail, Object... args) {
        return of(DeviceStatus.OFFLINE, detail, args);
    }

    public static DeviceStatusInfo degraded(DeviceStatusDetail detail, Object... args) {
        return of(DeviceStatus.DEGRADED, detail, args);
    }

    public boolean isUsable() {
        return status.isUsable();
    }
}
