package org.govkiosk.device.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.driver.DriverFactory;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.supervisor.DeviceSupervisor;
import org.govkiosk.device.supervisor.SupervisedComponent;
import org.govkiosk.device.transport.PipeTransport;
import org.govkiosk.device.transport.Transport;
import org.govkiosk.device.transport.Transports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's devices, built from config: each gets its family's driver on the transport the config names.
 * {@code transport: simulator} wires the driver to its family's simulator through an in-memory pipe (driver on
 * end [0], simulator on end [1]); {@code transport: system} gives the driver no byte transport at all.
 */
public final class DeviceRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistry.class);

    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, DeviceSimulator> simulators = new LinkedHashMap<>();
    private DeviceSupervisor supervisor;

    private DeviceRegistry() {
    }

    /**
     * Every problem of a device list at once, each as {@code device 'ID': KEY: PROBLEM}; empty when all is well.
     * Nothing is opened or started.
     */
    public static List<String> validate(List<DeviceConfig> configs, List<DriverFactory> factories) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (DeviceConfig c : configs) {
            String at = "device '" + c.id() + "'";
            if (c.id().isBlank()) {
                problems.add(at + ": id: must not be blank");
            } else if (!ids.add(c.id())) {
                problems.add(at + ": id: duplicate; every device needs its own id");
            }
            problems.addAll(transportProblems(at, c.transport()));
            if (c.transport().kind() == TransportConfig.Kind.USB && c.family() != DeviceFamily.RECEIPT_PRINTER) {
                problems.add(at + ": transport: usb is the USB printer class (/dev/usb/lp*): for receipt printers"
                        + " only");
            }
            DriverFactory factory = factoryFor(c, factories);
            if (factory == null) {
                problems.add(at + ": " + (anyOfFamily(c.family(), factories)
                        ? "model: no " + c.family().configName() + " driver for model '" + c.model() + "' in this build"
                        : "family: no driver for " + c.family().configName() + " in this build"));
                continue;
            }
            if (c.transport().kind() == TransportConfig.Kind.SIMULATOR && !hasSimulator(factory, c)) {
                problems.add(at + ": transport: " + c.family().configName() + " has no simulator");
            }
            try {
                for (String p : factory.validate(c)) {
                    problems.add(at + ": " + p);
                }
            } catch (RuntimeException e) {
                // A factory bug must still end in a readable problem list, not a stack trace at start-up.
                problems.add(at + ": could not be checked: " + e);
            }
        }
        return problems;
    }

    private static List<String> transportProblems(String at, TransportConfig t) {
        List<String> problems = new ArrayList<>();
        switch (t.kind()) {
            case SERIAL -> {
                if (t.port() == null || t.port().isBlank()) {
                    problems.add(at + ": port: required for transport serial (e.g. /dev/ttyUSB0)");
                }
                if (t.baudRate() <= 0) {
                    problems.add(at + ": baud: must be positive for transport serial, got " + t.baudRate());
                }
            }
            case TCP -> {
                if (t.host() == null || t.host().isBlank()) {
                    problems.add(at + ": host: required for transport tcp");
                }
                if (t.tcpPort() < 1 || t.tcpPort() > 65_535) {
                    problems.add(at + ": tcp-port: required for transport tcp, 1..65535, got " + t.tcpPort());
                }
            }
            case USB -> {
                if (t.port() == null || t.port().isBlank()) {
                    problems.add(at + ": port: required for transport usb (the printer's node, e.g. /dev/usb/lp0)");
                }
            }
            case SIMULATOR, SYSTEM -> {
                // nothing to reach: the simulator runs in-process, the driver finds its OS service itself
            }
        }
        return problems;
    }

    private static boolean hasSimulator(DriverFactory factory, DeviceConfig c) {
        try {
            Optional<DeviceSimulator> simulator = factory.simulator(c);
            simulator.ifPresent(DeviceSimulator::close);
            return simulator.isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The serial ports the OS shows (path → description), for the technicians' {@code diag ports}. */
    public static java.util.SortedMap<String, String> serialPorts() {
        return Transports.serialPorts();
    }

    /** The validator the config loader plugs in. */
    public static Function<List<DeviceConfig>, List<String>> validator(List<DriverFactory> factories) {
        List<DriverFactory> copy = List.copyOf(factories);
        return configs -> validate(configs, copy);
    }

    /**
     * Builds every device; nothing connects until {@link #startAll}.
     *
     * @throws IllegalArgumentException listing every problem when the configs do not pass {@link #validate}
     */
    public static DeviceRegistry create(List<DeviceConfig> configs, List<DriverFactory> factories,
            DeviceContext context) {
        List<String> problems = validate(configs, factories);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid device configuration:\n  " + String.join("\n  ", problems));
        }
        DeviceRegistry registry = new DeviceRegistry();
        try {
            for (DeviceConfig c : configs) {
                registry.add(c, factoryFor(c, factories), context);
            }
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    private void add(DeviceConfig c, DriverFactory factory, DeviceContext context) {
        Transport transport = switch (c.transport().kind()) {
            case SERIAL, TCP, USB -> Transports.create(c.transport());
            case SYSTEM -> null;
            case SIMULATOR -> simulated(c, factory);
        };
        Device device = factory.create(c, transport, context);
        if (device == null) {
            throw new IllegalStateException("the " + c.family().configName() + " factory made no device for " + c.id());
        }
        devices.put(c.id(), device);
        LOG.info("Device {} ({}, model {}) via {}", c.id(), c.family().configName(), c.model(),
                c.transport().describe());
    }

    private PipeTransport simulated(DeviceConfig c, DriverFactory factory) {
        PipeTransport[] pipe = PipeTransport.pair(c.id());
        DeviceSimulator simulator = factory.simulator(c).orElseThrow();
        try {
            simulator.attach(pipe[1]);
        } catch (DeviceException e) {
            throw new IllegalStateException("a fresh pipe always opens", e);
        }
        simulators.put(c.id(), simulator);
        return pipe[0];
    }

    /** The first factory of the device's family that takes its model (a family can have several drivers). */
    private static DriverFactory factoryFor(DeviceConfig c, List<DriverFactory> factories) {
        for (DriverFactory f : factories) {
            if (f.family() == c.family() && f.accepts(c)) {
                return f;
            }
        }
        return null;
    }

    private static boolean anyOfFamily(DeviceFamily family, List<DriverFactory> factories) {
        return factories.stream().anyMatch(f -> f.family() == family);
    }

    /** Starts every device (each connects in the background) and puts it under the supervisor's watch. */
    public void startAll(DeviceSupervisor deviceSupervisor) {
        this.supervisor = deviceSupervisor;
        for (Device d : devices.values()) {
            if (d instanceof SupervisedComponent s) {
                deviceSupervisor.register(s);
            }
            try {
                d.start();
            } catch (RuntimeException e) {
                // start() must not throw; if a driver does, the others still start.
                LOG.error("Device {} failed to start", d.id(), e);
            }
        }
    }

    /** Every device, in config order. */
    public List<Device> all() {
        return List.copyOf(devices.values());
    }

    public Optional<Device> get(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    /** The devices implementing a typed interface, e.g. {@code byFamily(ReceiptPrinter.class)}, in config order. */
    public <T extends Device> List<T> byFamily(Class<T> type) {
        return devices.values().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The simulator behind a {@code transport: simulator} device, for the demo and the test console. */
    public Optional<DeviceSimulator> simulator(String id) {
        return Optional.ofNullable(simulators.get(id));
    }

    /** Why a device is OFFLINE, for the technician (empty when it is fine or cannot say). */
    public Optional<DeviceException> lastFailure(String id) {
        return get(id).filter(SupervisedComponent.class::isInstance).map(SupervisedComponent.class::cast)
                .flatMap(SupervisedComponent::lastFailure);
    }

    /** Closes every device and simulator; quiet, and safe to call twice. */
    @Override
    public void close() {
        for (Device d : devices.values()) {
            if (supervisor != null) {
                supervisor.unregister(d.id());
            }
            try {
                d.close();
            } catch (RuntimeException e) {
                LOG.warn("Device {} failed to close", d.id(), e);
            }
        }
        for (Map.Entry<String, DeviceSimulator> s : simulators.entrySet()) {
            try {
                s.getValue().close();
            } catch (RuntimeException e) {
                LOG.warn("Simulator of {} failed to close", s.getKey(), e);
            }
        }
    }
}
