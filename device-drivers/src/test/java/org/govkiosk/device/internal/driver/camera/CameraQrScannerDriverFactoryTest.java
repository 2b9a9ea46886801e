package org.govkiosk.device.internal.driver.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.driver.qr.SerialQrScannerDriver;
import org.govkiosk.device.registry.DeviceRegistry;
import org.govkiosk.device.registry.DriverFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a camera scanner is configured, checked and picked out of the qr-scanner family by the registry. */
class CameraQrScannerDriverFactoryTest {

    private static final TransportConfig SYSTEM = new TransportConfig(TransportConfig.Kind.SYSTEM, null, 0, null, 0);

    @TempDir
    Path tmp;

    private final CameraQrScannerDriverFactory factory = new CameraQrScannerDriverFactory();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private static DeviceConfig camera(TransportConfig transport, Map<String, String> options) {
        return new DeviceConfig("cam-1", DeviceFamily.QR_SCANNER, "camera-folder", transport, true, null, null,
                options);
    }

    @Test
    void acceptsOnlyTheCameraFolderModel() {
        assertThat(factory.family()).isEqualTo(DeviceFamily.QR_SCANNER);
        assertThat(factory.accepts(camera(SYSTEM, Map.of()))).isTrue();
        assertThat(factory.accepts(DeviceConfig.simulated("qr-1", DeviceFamily.QR_SCANNER))).isFalse();
        assertThat(factory.simulator(camera(SYSTEM, Map.of()))).isEmpty();
    }

    @Test
    void aGoodConfigHasNoProblems() {
        assertThat(factory.validate(camera(SYSTEM, Map.of("folder", "/var/lib/govkiosk/camera", "settle", "0",
                "debounce", "2000", "processed", "delete", "max-megapixels", "12")))).isEmpty();
        CameraFolderSettings s = CameraFolderSettings.require(camera(SYSTEM, Map.of("folder", "/srv/cam")));
        assertThat(s.settle()).isEqualTo(Duration.ofMillis(300));
        assertThat(s.debounce()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.deleteProcessed()).as("pictures show personal data: deleted once read by default").isTrue();
        assertThat(s.maxPixels()).isEqualTo(24_000_000L);
    }

    @Test
    void everyProblemIsNamedByItsKey() {
        List<String> problems = factory.validate(camera(TransportConfig.serial("/dev/ttyUSB0", 9600),
                Map.of("folder", "relative/dir", "settle", "-1", "processed", "keep", "colour", "yes",
                        "documents", "maybe")));
        assertThat(problems).containsExactlyInAnyOrder(
                "options.colour: unknown option for a camera-folder scanner; known: [debounce, documents, folder, "
                        + "max-megapixels, processed, settle]",
                "options.documents: must be true or false, got 'maybe'",
                "transport: a camera-folder scanner reads a folder of this computer: use transport system, got serial",
                "options.folder: must be an absolute path, got 'relative/dir'",
                "options.settle: must be a whole number from 0 to 10000, got '-1'",
                "options.processed: must be move or delete, got 'keep'");
    }

    @Test
    void theFolderIsRequiredAndThePortIsNotUsed() {
        assertThat(factory.validate(camera(new TransportConfig(TransportConfig.Kind.SYSTEM, "video0", 0, null, 0),
                Map.of()))).containsExactly(
                        "port: not used by a camera-folder scanner; name the folder in options.folder",
                        "options.folder: required for a camera-folder scanner (where the camera stores pictures)");
        assertThatThrownBy(() -> factory.create(camera(SYSTEM, Map.of()), null,
                new DeviceContext(scheduler, new DeviceEventBus(), Clock.systemUTC())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("options.folder");
    }

    @Test
    void theBuiltInRegistryBuildsACameraForTheModelAndASerialEngineOtherwise() {
        List<DeviceConfig> configs = List.of(camera(SYSTEM, Map.of("folder", tmp.toString())),
                DeviceConfig.simulated("qr-serial", DeviceFamily.QR_SCANNER));
        assertThat(DeviceRegistry.validate(configs, DriverFactories.builtIn())).isEmpty();
        try (DeviceRegistry registry = DeviceRegistry.create(configs, DriverFactories.builtIn(),
                new DeviceContext(scheduler, new DeviceEventBus(), Clock.systemUTC()))) {
            assertThat(registry.get("cam-1")).containsInstanceOf(CameraQrScannerDriver.class);
            assertThat(registry.get("qr-serial")).containsInstanceOf(SerialQrScannerDriver.class);
        }
    }

    @Test
    void theRegistryReportsABadCameraConfigBeforeAnythingStarts() {
        List<String> problems = DeviceRegistry.validate(List.of(camera(TransportConfig.simulator(), Map.of())),
                DriverFactories.builtIn());
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("device 'cam-1': transport:"))
                .anySatisfy(p -> assertThat(p).startsWith("device 'cam-1': options.folder: required"));
    }
}
