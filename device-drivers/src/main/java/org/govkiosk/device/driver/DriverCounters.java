package org.govkiosk.device.driver;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A device's counters by name, since start: the base counts what every device goes through (failures, silences,
 * reconnects), each driver what its device does (cards read, jobs printed, frames dropped). One place, so the
 * maintenance screen and metrics can read every device the same way. Counting never blocks a device thread. Not
 * kiosk-app's durable {@code DeviceCounters}, which counts from the events and survives restarts.
 */
final class DriverCounters {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(String name, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("counters only grow: " + name + " by " + n);
        }
        counts.computeIfAbsent(name, k -> new LongAdder()).add(n);
    }

    long get(String name) {
        LongAdder a = counts.get(name);
        return a == null ? 0 : a.sum();
    }

    /** Every counter counted so far, by name in alphabetical order. */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((name, a) -> out.put(name, a.sum()));
        return out;
    }
}
