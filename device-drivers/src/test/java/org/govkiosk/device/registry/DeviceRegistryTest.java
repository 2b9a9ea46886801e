package org.govkiosk.device.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusChanged;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.QrScanner;
import org.govkiosk.device.ReceiptPrinter;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.driver.DriverFactory;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.supervisor.DeviceSupervisor;
import org.govkiosk.device.supervisor.DeviceSupervisor.Settings;
import org.govkiosk.device.supervisor.DeviceSupervisor.SupervisionRecord;
import org.govkiosk.testkit.Await;
import org.govkiosk.testkit.MutableClock;
import org.govkiosk.device.testkit.PingProtocol.PingDriver;
import org.govkiosk.device.testkit.PingProtocol.PingDriverFactory;
import org.govkiosk.device.testkit.PingProtocol.PingSimulator;
import org.govkiosk.device.transport.SerialTransport;
import org.govkiosk.device.transport.TcpTransport;
import org.govkiosk.device.transport.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceRegistryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final DeviceEventBus bus = new DeviceEventBus();
    private final DeviceContext context = new DeviceContext(scheduler, bus, clock);
    private final DeviceSupervisor supervisor = new DeviceSupervisor(scheduler, clock,
            new Settings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60), 100), () -> 1.0);
    /** Scanners have a simulator; printers do not; rating pads have no driver at all. */
    private final PingDriverFactory scanners = new PingDriverFactory(DeviceFamily.QR_SCANNER, true);
    private final PingDriverFactory printers = new PingDriverFactory(DeviceFamily.RECEIPT_PRINTER, false);
    private final List<DriverFactory> factories = List.of(scanners, printers);
    private DeviceRegistry registry;

    @TempDir
    Path dir;

    @AfterEach
    void shutDown() {
        if (registry != null) {
            registry.close();
        }
        supervisor.close();
        scheduler.shutdownNow();
    }

    @Test
    void validationListsEveryProblemAtOnceEachNamingItsDevice() {
        List<DeviceConfig> configs = List.of(
                simulated("scanner", DeviceFamily.QR_SCANNER),
                simulated("scanner", DeviceFamily.QR_SCANNER),
                simulated("pad", DeviceFamily.RATING_PAD),
                config("printer", DeviceFamily.RECEIPT_PRINTER, new TransportConfig(TransportConfig.Kind.SERIAL,
                        null, 9600, null, 0)),
                config("net-printer", DeviceFamily.RECEIPT_PRINTER, new TransportConfig(TransportConfig.Kind.TCP,
                        null, 0, null, 0)),
                simulated("printer-sim", DeviceFamily.RECEIPT_PRINTER),
                config("greeter", DeviceFamily.QR_SCANNER, TransportConfig.simulator(), Map.of("greeting", " ")));

        List<String> problems = DeviceRegistry.validate(configs, factories);

        assertThat(problems).containsExactly(
                "device 'scanner': id: duplicate; every device needs its own id",
                "device 'pad': family: no driver for rating-pad in this build",
                "device 'printer': port: required for transport serial (e.g. /dev/ttyUSB0)",
                "device 'net-printer': host: required for transport tcp",
                "device 'net-printer': tcp-port: required for transport tcp, 1..65535, got 0",
                "device 'printer-sim': transport: receipt-printer has no simulator",
                "device 'greeter': options.greeting: must not be blank");
        assertThat(DeviceRegistry.validator(factories).apply(configs)).isEqualTo(problems);
    }

    @Test
    void aGoodConfigurationHasNoProblems() {
        List<DeviceConfig> configs = List.of(simulated("scanner", DeviceFamily.QR_SCANNER),
                config("printer", DeviceFamily.RECEIPT_PRINTER, TransportConfig.tcp("10.0.0.7", 9100)),
                config("printer2", DeviceFamily.RECEIPT_PRINTER, TransportConfig.serial("/dev/ttyS0", 9600)));

        assertThat(DeviceRegistry.validate(configs, factories)).isEmpty();
    }

    @Test
    void creatingFromAnInvalidConfigurationFailsNamingEveryProblem() {
        List<DeviceConfig> configs = List.of(simulated("pad", DeviceFamily.RATING_PAD),
                simulated("printer-sim", DeviceFamily.RECEIPT_PRINTER));

        assertThatThrownBy(() -> DeviceRegistry.create(configs, factories, context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("device 'pad': family: no driver for rating-pad")
                .hasMessageContaining("device 'printer-sim': transport: receipt-printer has no simulator");
    }

    @Test
    void aSimulatedDeviceGoesOnlineLosesItsCableAndTheSupervisorBringsItBack() {
        List<DeviceStatusChanged> changes = new CopyOnWriteArrayList<>();
        bus.onStatus(changes::add);
        registry = DeviceRegistry.create(List.of(simulated("scanner", DeviceFamily.QR_SCANNER)), factories, context);
        PingDriver driver = (PingDriver) registry.get("scanner").orElseThrow();
        DeviceSimulator simulator = registry.simulator("scanner").orElseThrow();

        registry.startAll(supervisor);
        awaitStatus(driver, DeviceStatus.ONLINE);

        simulator.inject("unplug");
        awaitStatus(driver, DeviceStatus.OFFLINE);
        assertThat(driver.status().detail()).isEqualTo(DeviceStatusDetail.DISCONNECTED);

        // Still unplugged: the first retry fails and is told apart from the original loss.
        supervisor.checkNow();
        clock.advance(Duration.ofSeconds(1));
        supervisor.checkNow();
        Await.until("the retry failed", WAIT, () -> driver.lastFailure().map(DeviceException::code)
                .filter(DeviceException.Code.PORT_NOT_FOUND::equals).isPresent(), driver::status);

        simulator.clear("unplug");
        clock.advance(Duration.ofSeconds(61));
        supervisor.checkNow();
        awaitStatus(driver, DeviceStatus.ONLINE);

        assertThat(((PingSimulator) simulator).pings()).isEqualTo(2);
        assertThat(supervisor.records()).extracting(SupervisionRecord::componentId, SupervisionRecord::action)
                .containsExactly(tuple("scanner", "reconnect attempt 1"), tuple("scanner", "reconnect attempt 2"));
        assertThat(supervisor.records().get(0).cause()).contains("DISCONNECTED");
        assertThat(supervisor.records().get(1).cause()).contains("PORT_NOT_FOUND");
        assertThat(changes).extracting(c -> c.newStatus().status(), c -> c.newStatus().detail()).containsSubsequence(
                tuple(DeviceStatus.INITIALIZING, DeviceStatusDetail.NONE),
                tuple(DeviceStatus.ONLINE, DeviceStatusDetail.NONE),
                tuple(DeviceStatus.OFFLINE, DeviceStatusDetail.DISCONNECTED),
                tuple(DeviceStatus.OFFLINE, DeviceStatusDetail.PORT_NOT_FOUND),
                tuple(DeviceStatus.ONLINE, DeviceStatusDetail.NONE));
        supervisor.checkNow();
        assertThat(supervisor.health("scanner").orElseThrow().attempts()).isZero();
    }

    @Test
    void devicesAreFoundByIdByTypeAndInConfigOrder() {
        registry = DeviceRegistry.create(List.of(simulated("scanner-1", DeviceFamily.QR_SCANNER),
                config("printer", DeviceFamily.RECEIPT_PRINTER, TransportConfig.tcp("127.0.0.1", 9100)),
                simulated("scanner-2", DeviceFamily.QR_SCANNER)), factories, context);

        assertThat(registry.all()).extracting(Device::id).containsExactly("scanner-1", "printer", "scanner-2");
        assertThat(registry.get("printer")).map(Device::family).contains(DeviceFamily.RECEIPT_PRINTER);
        assertThat(registry.get("nope")).isEmpty();
        List<QrScanner> qrScanners = registry.byFamily(QrScanner.class);
        assertThat(qrScanners).hasSize(3); // the test driver is a QrScanner whatever its family
        assertThat(registry.byFamily(ReceiptPrinter.class)).isEmpty();
        assertThat(registry.simulator("scanner-1")).map(DeviceSimulator::name).contains("ping");
        assertThat(registry.simulator("printer")).as("only simulated devices have one").isEmpty();
        assertThat(registry.lastFailure("printer")).isEmpty();
    }

    @Test
    void serialAndTcpDevicesGetTheirTransportsAndAMissingPortShowsAsOffline() {
        Path missing = dir.resolve("ttyUSB0");
        registry = DeviceRegistry.create(List.of(
                config("printer", DeviceFamily.RECEIPT_PRINTER, TransportConfig.serial(missing.toString(), 9600)),
                config("net-printer", DeviceFamily.RECEIPT_PRINTER, TransportConfig.tcp("printer.local", 9100))),
                factories, context);
        PingDriver serial = (PingDriver) registry.get("printer").orElseThrow();
        PingDriver tcp = (PingDriver) registry.get("net-printer").orElseThrow();

        assertThat(serial.transport()).isInstanceOf(SerialTransport.class);
        assertThat(serial.transport().describe()).isEqualTo("serial:" + missing + "@9600");
        assertThat(tcp.transport()).isInstanceOf(TcpTransport.class);
        assertThat(tcp.transport().describe()).isEqualTo("tcp:printer.local:9100");

        serial.start();
        awaitStatus(serial, DeviceStatus.OFFLINE);
        assertThat(serial.status().detail()).isEqualTo(DeviceStatusDetail.PORT_NOT_FOUND);
        assertThat(registry.lastFailure("printer")).map(DeviceException::code)
                .contains(DeviceException.Code.PORT_NOT_FOUND);
    }

    @Test
    void systemDevicesGetNoByteTransport() {
        AtomicReference<Transport> given = new AtomicReference<>(new TcpTransport("x", 1));
        DriverFactory smartCards = new PingDriverFactory(DeviceFamily.SMART_CARD_READER, false) {
            @Override
            public Device create(DeviceConfig config, Transport transport, DeviceContext ctx) {
                given.set(transport);
                return new SystemDevice(config);
            }
        };

        registry = DeviceRegistry.create(List.of(config("cards", DeviceFamily.SMART_CARD_READER,
                new TransportConfig(TransportConfig.Kind.SYSTEM, "ACS ACR39U", 0, null, 0))),
                List.of(smartCards), context);
        registry.startAll(supervisor);

        assertThat(given.get()).isNull();
        assertThat(registry.get("cards").orElseThrow().status().status()).isEqualTo(DeviceStatus.ONLINE);
        assertThat(supervisor.health()).as("not a supervised component").isEmpty();
    }

    @Test
    void aDisabledDeviceStaysDisabledAndIsLeftAlone() {
        DeviceConfig off = new DeviceConfig("scanner", DeviceFamily.QR_SCANNER, null, TransportConfig.simulator(),
                false, null, Duration.ZERO, null);
        registry = DeviceRegistry.create(List.of(off), factories, context);

        registry.startAll(supervisor);
        clock.advance(Duration.ofMinutes(10));
        supervisor.checkNow();

        assertThat(registry.get("scanner").orElseThrow().status().status()).isEqualTo(DeviceStatus.DISABLED);
        assertThat(supervisor.records()).isEmpty();
        assertThat(((PingSimulator) registry.simulator("scanner").orElseThrow()).pings()).isZero();
    }

    @Test
    void closeClosesEveryDeviceAndSimulatorAndStopsSupervision() {
        registry = DeviceRegistry.create(List.of(simulated("scanner", DeviceFamily.QR_SCANNER)), factories, context);
        PingDriver driver = (PingDriver) registry.get("scanner").orElseThrow();
        PingSimulator simulator = (PingSimulator) registry.simulator("scanner").orElseThrow();
        registry.startAll(supervisor);
        awaitStatus(driver, DeviceStatus.ONLINE);

        registry.close();
        registry.close();

        assertThat(driver.closed()).isTrue();
        assertThat(driver.transport().isOpen()).isFalse();
        assertThat(simulator.closed).isTrue();
        assertThat(supervisor.health()).isEmpty();
    }

    private static void awaitStatus(Device device, DeviceStatus expected) {
        Await.until(device.id() + " is " + expected, WAIT, () -> device.status().status() == expected,
                device::status);
    }

    private static DeviceConfig simulated(String id, DeviceFamily family) {
        return config(id, family, TransportConfig.simulator());
    }

    private static DeviceConfig config(String id, DeviceFamily family, TransportConfig transport) {
        return config(id, family, transport, Map.of());
    }

    /** Silence checks are off: the tests move the clock by minutes. */
    private static DeviceConfig config(String id, DeviceFamily family, TransportConfig transport,
            Map<String, String> options) {
        return new DeviceConfig(id, family, null, transport, true, null, Duration.ZERO, options);
    }

    /** A device that reaches its OS service itself, like a PC/SC reader. */
    private record SystemDevice(DeviceConfig config) implements Device {
        @Override
        public String id() {
            return config.id();
        }

        @Override
        public DeviceFamily family() {
            return config.family();
        }

        @Override
        public DeviceStatusInfo status() {
            return DeviceStatusInfo.online();
        }

        @Override
        public void start() {
        }

        @Override
        public void close() {
        }
    }
}
