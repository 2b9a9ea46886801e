package org.govkiosk.device;

/** Life-cycle status of one device, in the sense of openHAB's thing status. */
public enum DeviceStatus {
    UNINITIALIZED,
    INITIALIZING,
    /** Serves fully. */
    ONLINE,
    /** Serves, but needs attention soon (paper near end, ...). */
    DEGRADED,
    /** Cannot serve; see the detail. */
    OFFLINE,
    /** Switched off by configuration or by a technician. */
    DISABLED;

    /** Whether a citizen can use the device in this status. */
    public boolean isUsable() {
        return this == ONLINE || this == DEGRADED;
    }
}
