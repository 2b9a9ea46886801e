package org.govkiosk.device.driver;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import org.govkiosk.device.DeviceEventBus;

/** What every driver gets: the shared scheduler for device work, the event bus, the clock. */
public record DeviceContext(ScheduledExecutorService scheduler, DeviceEventBus bus, Clock clock) {
}
