package org.govkiosk.device.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.PrintJob;
import org.govkiosk.device.internal.codec.escpos.StatusRequest;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.ReceiptPrinter;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.sim.escpos.SimulatedEscPosPrinter;
import org.govkiosk.device.supervisor.DeviceSupervisor;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A receipt printer model as the registry builds it (issue 19): its simulator answers as the model does, so a
 * terminal in training shows what the model's settings do; USB is for printers only.
 */
class PrinterModelRegistryTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private DeviceRegistry registry;

    @AfterEach
    void shutDown() {
        if (registry != null) {
            registry.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void aSimulatedModelThatLeavesOutDleEot3IgnoresItAndStillComesOnline() {
        DeviceConfig printer = new DeviceConfig("receipt-1", DeviceFamily.RECEIPT_PRINTER, "xp-58-clone",
                TransportConfig.simulator(), true, Duration.ofMillis(50), null,
                Map.of("status-queries", "1,2,4", "chinese-mode-command", "false", "min-poll-interval", "50"));
        registry = DeviceRegistry.create(List.of(printer), DriverFactories.builtIn(),
                new DeviceContext(scheduler, new DeviceEventBus(), Clock.systemUTC()));
        registry.startAll(new DeviceSupervisor(scheduler, Clock.systemUTC()));
        ReceiptPrinter driver = registry.byFamily(ReceiptPrinter.class).get(0);
        SimulatedEscPosPrinter sim = (SimulatedEscPosPrinter) registry.simulator("receipt-1").orElseThrow();

        Await.until("online", Duration.ofSeconds(10), () -> driver.status().status() == DeviceStatus.ONLINE,
                driver::status);
        assertThat(sim.answers(StatusRequest.ERROR_CAUSE)).isFalse();
        assertThat(sim.answers(StatusRequest.PAPER_SENSOR)).isTrue();

        // A model without FS &: the driver drops it, and the simulated model prints Chinese from power-up.
        byte[] line = "受理回执".getBytes(java.nio.charset.Charset.forName("GB18030"));
        java.io.ByteArrayOutputStream job = new java.io.ByteArrayOutputStream();
        job.writeBytes(new byte[] {0x1B, 0x40, 0x1C, 0x26});
        job.writeBytes(line);
        job.writeBytes(new byte[] {'\n', 0x1D, 0x56, 0x42, 0});
        assertThat(driver.print(new PrintJob("R-1", PrintJob.Format.ESC_POS, job.toByteArray())).join())
                .isInstanceOf(DeviceEvent.PrintCompleted.class);
        assertThat(sim.lastDocument().orElseThrow().lines()).containsExactly("受理回执");

        sim.inject(SimulatedEscPosPrinter.PAPER_OUT);
        Await.until("paper out seen through n=4", Duration.ofSeconds(10),
                () -> driver.status().status() == DeviceStatus.OFFLINE, driver::status);
    }

    @Test
    void usbIsForReceiptPrintersOnly() {
        List<String> problems = DeviceRegistry.validate(List.of(
                new DeviceConfig("reader", DeviceFamily.ID_CARD_READER, null, TransportConfig.usb("/dev/usb/lp0"),
                        true, null, null, null),
                new DeviceConfig("printer", DeviceFamily.RECEIPT_PRINTER, null, TransportConfig.usb(" "),
                        true, null, null, null),
                new DeviceConfig("good", DeviceFamily.RECEIPT_PRINTER, null, TransportConfig.usb("/dev/usb/lp1"),
                        true, null, null, null)), DriverFactories.builtIn());

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("device 'reader': transport:")
                .contains("receipt printers only"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("device 'printer': port:")
                .contains("/dev/usb/lp0"));
        assertThat(problems).noneMatch(p -> p.startsWith("device 'good'"));
    }
}
