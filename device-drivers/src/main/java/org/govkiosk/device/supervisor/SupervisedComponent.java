package org.govkiosk.device.supervisor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusInfo;

/** What the {@link DeviceSupervisor} needs of a device driver (or any worker that checks in). */
public interface SupervisedComponent {

    String id();

    DeviceStatusInfo status();

    /** The failure that put the component OFFLINE, if any; its code says whether a reconnect can help. */
    Optional<DeviceException> lastFailure();

    /** When the component last heard from its device (or did its work). */
    Instant lastSignOfLife();

    /** How long a usable component may stay silent before it counts as lost; {@link Duration#ZERO}: never checked. */
    Duration silenceTimeout();

    /** Told by the supervisor that it has been silent too long: goes OFFLINE with NO_DATA_TIMEOUT. */
    void reportSilence();

    /** Asked by the supervisor to try again; returns at once, the attempt runs in the background. */
    void reconnect();
}
