package org.govkiosk.app.maintenance;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceStatusChanged;

/**
 * The devices' recent status changes (offline, back online, paper out), newest last and at most {@code capacity}:
 * what a technician reads in 监控记录 when a device came and went, beside the supervisor's interventions.
 */
public final class DeviceJournal {

    private final int capacity;
    private final Deque<DeviceStatusChanged> changes = new ArrayDeque<>();

    public DeviceJournal(DeviceEventBus bus, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " must be at least 1");
        }
        this.capacity = capacity;
        bus.onStatus(this::add);
    }

    private synchronized void add(DeviceStatusChanged change) {
        if (change.oldStatus().status() == change.newStatus().status()
                && change.oldStatus().detail() == change.newStatus().detail()) {
            return; // the same status said again: nothing a technician needs to read
        }
        changes.addLast(change);
        while (changes.size() > capacity) {
            changes.removeFirst();
        }
    }

    /** Oldest first. */
    public synchronized List<DeviceStatusChanged> recent() {
        return List.copyOf(changes);
    }
}
