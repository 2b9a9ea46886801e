package org.govkiosk.device.internal.driver.wedge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.wedge.KeyBurstDetector;
import org.govkiosk.device.registry.DeviceRegistry;
import org.govkiosk.device.registry.DriverFactories;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyboardWedgeScannerDriverTest {

    private static final TransportConfig SYSTEM = new TransportConfig(TransportConfig.Kind.SYSTEM, "keyboard", 0,
            null, 0);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final MutableClock clock = new MutableClock();
    private final DeviceEventBus bus = new DeviceEventBus();
    private final List<DeviceEvent.QrScanned> scans = new CopyOnWriteArrayList<>();
    private final KeyboardWedgeScannerDriverFactory factory = new KeyboardWedgeScannerDriverFactory();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private static DeviceConfig config(TransportConfig transport, Map<String, String> options) {
        return new DeviceConfig("wedge-1", DeviceFamily.QR_SCANNER, KeyboardWedgeScannerDriverFactory.MODEL, transport,
                true, null, null, options);
    }

    private KeyboardWedgeScannerDriver driver(Map<String, String> options) {
        bus.onEvent(e -> {
            if (e instanceof DeviceEvent.QrScanned s) {
                scans.add(s);
            }
        });
        var d = (KeyboardWedgeScannerDriver) factory.create(config(SYSTEM, options), null,
                new DeviceContext(scheduler, bus, clock));
        d.start();
        return d;
    }

    @Test
    void publishesCodesAsKeyboardWedgeScansOnlyWhileReading() {
        var d = driver(Map.of());
        assertThat(d.status().status()).isEqualTo(DeviceStatus.ONLINE);
        d.scanned("BEFORE");
        assertThat(scans).isEmpty();
        d.setReadingEnabled(true);
        d.scanned("GK-0001");
        assertThat(scans).singleElement().satisfies(s -> {
            assertThat(s.payload()).isEqualTo("GK-0001");
            assertThat(s.source()).isEqualTo(DeviceEvent.ScanSource.KEYBOARD_WEDGE);
            assertThat(s.deviceId()).isEqualTo("wedge-1");
            assertThat(s.toString()).doesNotContain("GK-0001");
        });
    }

    @Test
    void theSameCodeWithinTheDebounceWindowIsOnePresentation() {
        var d = driver(Map.of("debounce", "1000"));
        d.setReadingEnabled(true);
        d.scanned("GK-0001");
        clock.advance(Duration.ofMillis(400));
        d.scanned("GK-0001");
        clock.advance(Duration.ofMillis(1500));
        d.scanned("GK-0001");
        assertThat(scans).hasSize(2);
    }

    @Test
    void detectorUsesTheConfiguredTiming() {
        var d = driver(Map.of("min-length", "6", "max-key-gap", "20"));
        KeyBurstDetector detector = d.newDetector();
        long t = 0;
        for (char c : "ABCDE".toCharArray()) {
            detector.feed(c, t += 10_000_000L);
        }
        assertThat(detector.feed('\r', t + 10_000_000L)).as("5 keys are below min-length 6").isEmpty();
        for (char c : "ABCDEF".toCharArray()) {
            detector.feed(c, t += 30_000_000L);
        }
        assertThat(detector.feed('\r', t + 30_000_000L)).as("30 ms gaps are above max-key-gap 20").isEmpty();
    }

    @Test
    void configProblemsNameTheKey() {
        assertThat(factory.validate(config(TransportConfig.simulator(), Map.of("max-key-gap", "0", "speed", "1"))))
                .anySatisfy(p -> assertThat(p).startsWith("transport:"))
                .anySatisfy(p -> assertThat(p).startsWith("options.max-key-gap:"))
                .anySatisfy(p -> assertThat(p).startsWith("options.speed:"));
    }

    @Test
    void registryPicksTheWedgeDriverByModelAndTheSerialEngineOtherwise() {
        DeviceConfig wedge = config(SYSTEM, Map.of());
        DeviceConfig serial = DeviceConfig.simulated("qr-1", DeviceFamily.QR_SCANNER);
        DeviceConfig unknown = new DeviceConfig("qr-2", DeviceFamily.QR_SCANNER, "keyboard-wedge", SYSTEM, true, null,
                null, Map.of("bogus", "1"));
        assertThat(DeviceRegistry.validate(List.of(wedge, serial), DriverFactories.builtIn())).isEmpty();
        assertThat(DeviceRegistry.validate(List.of(unknown), DriverFactories.builtIn()))
                .singleElement().asString().startsWith("device 'qr-2': options.bogus:");
        try (DeviceRegistry registry = DeviceRegistry.create(List.of(wedge, serial), DriverFactories.builtIn(),
                new DeviceContext(scheduler, bus, clock))) {
            assertThat(registry.get("wedge-1")).get().isInstanceOf(KeyboardWedgeScannerDriver.class);
            assertThat(registry.get("qr-1")).get().isNotInstanceOf(KeyboardWedgeScannerDriver.class);
        }
    }
}
