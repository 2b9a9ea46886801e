package org.govkiosk.device.internal.driver.cups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DocumentPrinter;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.registry.DriverFactories;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.Test;

class CupsDocumentPrinterDriverFactoryTest {

    private final CupsDocumentPrinterDriverFactory factory = new CupsDocumentPrinterDriverFactory();

    private static DeviceConfig config(TransportConfig transport, Map<String, String> options) {
        return new DeviceConfig("a4-1", DeviceFamily.DOCUMENT_PRINTER, null, transport, true, Duration.ofMillis(50),
                null, options);
    }

    private static TransportConfig queue(String name) {
        return new TransportConfig(TransportConfig.Kind.SYSTEM, name, 0, null, 0);
    }

    @Test
    void isBuiltInForDocumentPrintersWithoutASimulator() {
        assertThat(DriverFactories.builtIn()).anySatisfy(f -> assertThat(f).isInstanceOf(
                CupsDocumentPrinterDriverFactory.class));
        assertThat(factory.family()).isEqualTo(DeviceFamily.DOCUMENT_PRINTER);
        assertThat(factory.simulator(config(queue("hall-a4"), Map.of()))).isEmpty();
        assertThat(factory.validate(config(queue("hall-a4"), Map.of("cups-server", "localhost:631",
                "job-timeout", "120")))).isEmpty();
    }

    @Test
    void everyBadSettingIsReportedNamingItsKey() {
        var problems = factory.validate(config(TransportConfig.serial("/dev/ttyUSB0", 9600), Map.of(
                "cups-server", "http://x", "job-timeout", "never", "colour", "red")));
        assertThat(problems).hasSize(5);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("transport:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("transport.port:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("options.cups-server:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("options.job-timeout:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("options.colour:"));
        assertThatThrownBy(() -> factory.create(config(queue("a b"), Map.of()), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transport.port");
    }

    /** The real IPP client against a port where nothing listens: cupsd down is a transient communication error. */
    @Test
    void cupsdNotRunningIsACommunicationError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        IppCupsClient client = new IppCupsClient("127.0.0.1:" + port, Duration.ofSeconds(2), "kiosk");
        assertThatThrownBy(() -> client.printer("hall-a4")).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.detail()).isEqualTo(DeviceStatusDetail.COMMUNICATION_ERROR);
            assertThat(e.isFatal()).isFalse();
        });

        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        Device device = factory.create(config(queue("hall-a4"), Map.of("cups-server", "127.0.0.1:" + port)), null,
                new DeviceContext(scheduler, new DeviceEventBus(), Clock.systemUTC()));
        try {
            assertThat(device).isInstanceOf(DocumentPrinter.class);
            device.start();
            Await.until("offline", Duration.ofSeconds(10), () -> device.status().status() == DeviceStatus.OFFLINE
                    && device.status().detail() == DeviceStatusDetail.COMMUNICATION_ERROR, device::status);
        } finally {
            device.close();
            scheduler.shutdownNow();
        }
    }
}
