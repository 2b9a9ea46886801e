package org.govkiosk.device.internal.driver.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.ReceiptPrinter;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.internal.codec.escpos.StatusRequest;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.sim.escpos.SimulatedEscPosPrinter;
import org.govkiosk.device.transport.PipeTransport;
import org.junit.jupiter.api.Test;

class ReceiptPrinterDriverFactoryTest {

    private final ReceiptPrinterDriverFactory factory = new ReceiptPrinterDriverFactory();

    private static DeviceConfig config(TransportConfig transport, Duration poll, Map<String, String> options) {
        return new DeviceConfig("receipt-1", DeviceFamily.RECEIPT_PRINTER, "generic", transport, true, poll, null,
                options);
    }

    @Test
    void theDemoConfigIsValid() {
        assertThat(factory.family()).isEqualTo(DeviceFamily.RECEIPT_PRINTER);
        assertThat(factory.validate(config(TransportConfig.simulator(), Duration.ofSeconds(2), Map.of()))).isEmpty();
        assertThat(factory.validate(config(TransportConfig.tcp("192.168.10.21", 9100), null,
                Map.of("status-map.paper-near-end", "4:0x0C", "response-timeout", "500")))).isEmpty();
    }

    @Test
    void everyBadOptionIsReportedNamingItsKey() {
        var problems = factory.validate(config(TransportConfig.serial("/dev/ttyUSB0", 9600), null, Map.of(
                "response-timeout", "soon",
                "chunk-size", "4",
                "status-map.paper-out", "9:0x60",
                "sim.chinese-mode", "yes",
                "colour", "red")));

        assertThat(problems).hasSize(5);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("options.response-timeout:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("options.chunk-size:").contains("16"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("options.status-map.paper-out:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("options.sim.chinese-mode:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("options.colour:").contains("unknown"));
    }

    @Test
    void aSystemTransportIsRefused() {
        assertThat(factory.validate(config(new TransportConfig(TransportConfig.Kind.SYSTEM, "cups:receipt", 0, null,
                0), null, Map.of()))).singleElement().satisfies(p -> assertThat(p).startsWith("transport:"));
    }

    @Test
    void createsAReceiptPrinterThatHasNotStarted() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (Device device = factory.create(config(TransportConfig.simulator(), null, Map.of()),
                PipeTransport.pair("f")[0], new DeviceContext(scheduler, new DeviceEventBus(), Clock.systemUTC()))) {
            assertThat(device).isInstanceOf(ReceiptPrinter.class);
            assertThat(device.id()).isEqualTo("receipt-1");
            assertThat(device.status().status()).isEqualTo(org.govkiosk.device.DeviceStatus.UNINITIALIZED);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void theSimulatorAnswersWithTheConfiguredModelsBitMap() {
        DeviceConfig custom = config(TransportConfig.simulator(), null, Map.of("status-map.paper-near-end", "4:0x08"));
        SimulatedEscPosPrinter sim = (SimulatedEscPosPrinter) factory.simulator(custom).orElseThrow();
        SimulatedEscPosPrinter generic = (SimulatedEscPosPrinter) factory
                .simulator(config(TransportConfig.simulator(), null, Map.of())).orElseThrow();

        sim.inject(SimulatedEscPosPrinter.PAPER_NEAR_END);
        generic.inject(SimulatedEscPosPrinter.PAPER_NEAR_END);

        assertThat(sim.statusByte(StatusRequest.PAPER_SENSOR)).isEqualTo(0x1A);
        assertThat(generic.statusByte(StatusRequest.PAPER_SENSOR)).isEqualTo(0x1E);
    }

    @Test
    void thePollIsNeverFasterThanTheMinimum() {
        var problems = new java.util.ArrayList<String>();
        DeviceConfig fast = config(TransportConfig.simulator(), Duration.ofMillis(300), Map.of());
        DeviceConfig slow = config(TransportConfig.simulator(), Duration.ofSeconds(2), Map.of());
        DeviceConfig lowered = config(TransportConfig.simulator(), Duration.ofMillis(300),
                Map.of("min-poll-interval", "100"));

        assertThat(ReceiptPrinterSettings.of(fast, problems).pollInterval(fast)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ReceiptPrinterSettings.of(slow, problems).pollInterval(slow)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ReceiptPrinterSettings.of(lowered, problems).pollInterval(lowered))
                .isEqualTo(Duration.ofMillis(300));
        assertThat(problems).isEmpty();
    }
}
