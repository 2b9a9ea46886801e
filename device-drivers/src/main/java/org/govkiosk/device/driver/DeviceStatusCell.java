package org.govkiosk.device.driver;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.govkiosk.device.DeviceStatusChanged;
import org.govkiosk.device.DeviceStatusInfo;

/**
 * A device's current status. Setting a different one publishes exactly one {@link DeviceStatusChanged}; setting the
 * same one publishes nothing. Changes reach subscribers in the order they were made, each one's {@code old} the
 * previous one's {@code new}, even when two threads set the status at once or a subscriber sets it again: a change
 * made while another is being delivered is queued and delivered right after it, by the thread delivering. Delivery
 * runs outside the lock, so a subscriber may read the device (or set its status) without a deadlock.
 */
public final class DeviceStatusCell {

    private final String deviceId;
    private final DeviceContext context;
    private final Object lock = new Object();
    private volatile DeviceStatusInfo status = DeviceStatusInfo.uninitialized();
    /** Changes made but not yet delivered; guarded by {@link #lock}. */
    private final Deque<DeviceStatusChanged> undelivered = new ArrayDeque<>();
    /** Whether a thread is delivering {@link #undelivered}; guarded by {@link #lock}. */
    private boolean delivering;

    public DeviceStatusCell(String deviceId, DeviceContext context) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.context = Objects.requireNonNull(context, "context");
    }

    public DeviceStatusInfo get() {
        return status;
    }

    public void set(DeviceStatusInfo next) {
        Objects.requireNonNull(next, "next");
        synchronized (lock) {
            DeviceStatusInfo previous = status;
            if (previous.equals(next)) {
                return;
            }
            status = next;
            undelivered.addLast(new DeviceStatusChanged(deviceId, previous, next, context.clock().instant()));
            if (delivering) {
                return;
            }
            delivering = true;
        }
        deliverInOrder();
    }

    private void deliverInOrder() {
        boolean done = false;
        try {
            while (true) {
                DeviceStatusChanged change;
                synchronized (lock) {
                    change = undelivered.pollFirst();
                    if (change == null) {
                        delivering = false;
                        done = true;
                        return;
                    }
                }
                context.bus().publish(change);
            }
        } finally {
            if (!done) {
                // An Error escaped a subscriber: the next change delivers what is left.
                synchronized (lock) {
                    delivering = false;
                }
            }
        }
    }
}
