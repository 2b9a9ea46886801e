package org.govkiosk.app.context;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.maintenance.DeviceCounters;
import org.govkiosk.app.maintenance.DeviceJournal;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.registry.DeviceRegistry;
import org.govkiosk.device.registry.DriverFactories;
import org.govkiosk.device.supervisor.DeviceSupervisor;

/**
 * The configured devices, their event bus, the supervisor that reconnects them and the scheduler both run on;
 * with what is kept of them: the status journal (from start, before the first device connects) and the counters
 * (what each device has done, across restarts). The only assembly that knows driver plumbing.
 */
final class DevicesAssembly implements AutoCloseable {

    private final ExecutorRegistry threads;
    private final DeviceEventBus bus = new DeviceEventBus();
    private final ScheduledExecutorService scheduler;
    private final DeviceSupervisor supervisor;
    /** 监控记录's device status changes, kept from start (before the first device connects). */
    private final DeviceJournal journal;
    private final DeviceRegistry devices;
    private final DeviceCounters counters;

    DevicesAssembly(TerminalConfig config, Clock clock, Path dataDir, ExecutorRegistry threads) {
        this.threads = threads;
        this.scheduler = threads.scheduler("device-scheduler", 2);
        DeviceContext deviceContext = new DeviceContext(scheduler, bus, clock);
        this.supervisor = new DeviceSupervisor(scheduler, clock);
        this.journal = new DeviceJournal(bus, 200);
        this.devices = DeviceRegistry.create(config.devices(), DriverFactories.builtIn(), deviceContext);
        this.counters = DeviceCounters.open(dataDir.resolve("device-counters.json"), bus);
    }

    /** Connects every device under the supervisor's watch. */
    void start() {
        devices.startAll(supervisor);
        supervisor.start();
    }

    DeviceEventBus bus() {
        return bus;
    }

    List<Device> all() {
        return devices.all();
    }

    <T extends Device> List<T> byFamily(Class<T> type) {
        return devices.byFamily(type);
    }

    DeviceSupervisor supervisor() {
        return supervisor;
    }

    DeviceJournal journal() {
        return journal;
    }

    DeviceCounters counters() {
        return counters;
    }

    Optional<String> lastFailure(String deviceId) {
        return devices.lastFailure(deviceId).map(Throwable::getMessage);
    }

    Optional<String> simulatorCommand(String deviceId, String command) {
        return devices.simulator(deviceId).map(sim -> sim.command(command));
    }

    @Override
    public void close() {
        supervisor.close();
        devices.close();
        // A device poll stuck on its port is interrupted at once, as before; then the counters count what the
        // closing devices reported and flush.
        threads.closeNow(scheduler);
        counters.close();
    }
}
