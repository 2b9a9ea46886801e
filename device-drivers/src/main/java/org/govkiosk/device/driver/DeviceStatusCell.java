package org.govkiosk.device.driver;

import java.util.Objects;
import org.govkiosk.device.DeviceStatusChanged;
import org.govkiosk.device.DeviceStatusInfo;

/**
 * A driver's current status. Setting a different one publishes exactly one {@link DeviceStatusChanged}, outside the
 * lock, so a subscriber may read the driver again; setting the same one publishes nothing. Every driver keeps its
 * status here, those on a byte transport ({@link AbstractDeviceDriver}) and those that reach an OS service.
 */
public final class DeviceStatusCell {

    private final String deviceId;
    private final DeviceContext context;
    private final Object lock = new Object();
    private volatile DeviceStatusInfo status = DeviceStatusInfo.uninitialized();

    public DeviceStatusCell(String deviceId, DeviceContext context) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.context = Objects.requireNonNull(context, "context");
    }

    public DeviceStatusInfo get() {
        return status;
    }

    public void set(DeviceStatusInfo next) {
        DeviceStatusInfo previous;
        synchronized (lock) {
            previous = status;
            if (previous.equals(next)) {
                return;
            }
            status = next;
        }
        context.bus().publish(new DeviceStatusChanged(deviceId, previous, next, context.clock().instant()));
    }
}
