package org.govkiosk.app.diag;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.registry.DeviceRegistry;
import org.govkiosk.device.registry.DriverFactories;
import org.govkiosk.device.supervisor.DeviceSupervisor;

/**
 * One device opened for a diag command with the terminal's own driver, as the terminal would open it, but alone
 * and without reconnects: what the technician sees is the first answer the device gives.
 */
final class DeviceSession implements AutoCloseable {

    private final ScheduledExecutorService scheduler;
    private final DeviceEventBus bus = new DeviceEventBus();
    private final DeviceRegistry registry;
    private final Device device;

    private DeviceSession(DeviceConfig config) {
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "diag-device");
            t.setDaemon(true);
            return t;
        });
        try {
            this.registry = DeviceRegistry.create(List.of(config), DriverFactories.builtIn(),
                    new DeviceContext(scheduler, bus, Clock.systemUTC()));
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            throw e;
        }
        this.device = registry.all().get(0);
    }

    /** Builds the device; {@link #start()} connects it. @throws IllegalArgumentException for a bad config */
    static DeviceSession open(DeviceConfig config) {
        return new DeviceSession(config);
    }

    DeviceEventBus bus() {
        return bus;
    }

    Device device() {
        return device;
    }

    void start() {
        // The supervisor is never started: no reconnects, so a failure shows as it is.
        registry.startAll(new DeviceSupervisor(scheduler, Clock.systemUTC()));
    }

    /** Waits until the device has settled (online, degraded, offline or disabled), at most {@code timeout}. */
    DeviceStatusInfo awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        DeviceStatusInfo status = device.status();
        while (!settled(status) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = device.status();
        }
        return status;
    }

    static boolean settled(DeviceStatusInfo status) {
        return status.status() != DeviceStatus.UNINITIALIZED && status.status() != DeviceStatus.INITIALIZING;
    }

    /** Why the device is OFFLINE, when the driver can say. */
    Optional<String> lastFailure() {
        return registry.lastFailure(device.id()).map(Throwable::getMessage);
    }

    @Override
    public void close() {
        registry.close();
        scheduler.shutdownNow();
    }
}
