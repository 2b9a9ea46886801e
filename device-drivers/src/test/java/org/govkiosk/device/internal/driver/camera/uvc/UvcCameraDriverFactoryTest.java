package org.govkiosk.device.internal.driver.camera.uvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.govkiosk.device.CameraPreview;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DocumentCamera;
import org.govkiosk.device.QrScanner;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.registry.DeviceRegistry;
import org.govkiosk.device.registry.DriverFactories;
import org.junit.jupiter.api.Test;

/** devices.yaml's uvc-camera entries through the registry: validated with the other devices, made as a scanner. */
class UvcCameraDriverFactoryTest {

    @Test
    void theRegistryNamesAWrongCameraEntryBeforeAnythingStarts() {
        DeviceConfig bad = UvcCameraSettingsTest.config("/dev/video0", Map.of("frame-rate", "120"));
        List<String> problems = DeviceRegistry.validate(List.of(bad), DriverFactories.builtIn());
        assertThat(problems).singleElement().asString().contains("cam-1")
                .contains("options.frame-rate: must be a whole number from 1 to 60, got '120'");
    }

    @Test
    void aCameraIsAScannerADocumentCameraWhenSetUpSoAndHasALivePicture() {
        DeviceConfig good = UvcCameraSettingsTest.config(null, Map.of("pipeline", "videotestsrc is-live=true",
                "documents", "true"));
        assertThat(DeviceRegistry.validate(List.of(good), DriverFactories.builtIn())).isEmpty();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            Device d = new UvcCameraDriverFactory().create(good, null,
                    new DeviceContext(scheduler, new DeviceEventBus(), Clock.systemUTC()));
            assertThat(d).isInstanceOf(QrScanner.class).isInstanceOf(CameraPreview.class);
            assertThat(((CameraPreview) d).hasLivePreview()).isTrue();
            assertThat(((DocumentCamera) d).takesDocuments()).isTrue();
            d.close();
        } finally {
            scheduler.shutdownNow();
        }
    }
}
