package org.govkiosk.device.internal.driver.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.IdCardReader;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.internal.sim.idcard.SimulatedIdCardReader;
import org.junit.jupiter.api.Test;

class IdCardReaderDriverFactoryTest {

    private final IdCardReaderDriverFactory factory = new IdCardReaderDriverFactory();

    private static DeviceConfig config(TransportConfig transport, Duration poll, Map<String, String> options) {
        return new DeviceConfig("idcard-1", DeviceFamily.ID_CARD_READER, null, transport, true, poll, null, options);
    }

    @Test
    void isTheIdCardReaderFamily() {
        assertThat(factory.family()).isEqualTo(DeviceFamily.ID_CARD_READER);
    }

    @Test
    void acceptsTheDefaultsAndTheUsualSerialSetup() {
        assertThat(factory.validate(DeviceConfig.simulated("idcard-1", DeviceFamily.ID_CARD_READER))).isEmpty();
        assertThat(factory.validate(config(TransportConfig.serial("/dev/ttyUSB0", 115_200), null,
                Map.of("response-timeout", "1500")))).isEmpty();
        assertThat(factory.validate(config(TransportConfig.serial("/dev/ttyUSB0", 9_600), null, null))).isEmpty();
    }

    @Test
    void namesTheKeyOfEveryBadSetting() {
        assertThat(factory.validate(config(TransportConfig.simulator(), null, Map.of("response-timeout", "soon"))))
                .singleElement().asString().startsWith("options.response-timeout:");
        assertThat(factory.validate(config(TransportConfig.simulator(), null, Map.of("response-timeout", "10"))))
                .singleElement().asString().startsWith("options.response-timeout:");
        assertThat(factory.validate(config(TransportConfig.simulator(), null, Map.of("baud-rate", "115200"))))
                .singleElement().asString().startsWith("options.baud-rate: unknown option");
        assertThat(factory.validate(config(TransportConfig.serial("/dev/ttyUSB0", 115_201), null, null)))
                .singleElement().asString().startsWith("baud:").contains("115201");
        assertThat(factory.validate(config(TransportConfig.simulator(), Duration.ofMillis(10), null)))
                .singleElement().asString().startsWith("poll-interval:");
        assertThat(factory.validate(config(new TransportConfig(TransportConfig.Kind.SYSTEM, "pcsc", 0, null, 0),
                null, null))).singleElement().asString().startsWith("transport:");
    }

    @Test
    void createsAReaderAndOffersTheSimulator() {
        assertThat(factory.simulator(DeviceConfig.simulated("idcard-1", DeviceFamily.ID_CARD_READER)))
                .containsInstanceOf(SimulatedIdCardReader.class);
        var pipe = org.govkiosk.device.transport.PipeTransport.pair("factory-test");
        var context = new org.govkiosk.device.driver.DeviceContext(
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(),
                new org.govkiosk.device.DeviceEventBus(), java.time.Clock.systemUTC());
        try (var device = factory.create(DeviceConfig.simulated("idcard-1", DeviceFamily.ID_CARD_READER), pipe[0],
                context)) {
            assertThat(device).isInstanceOf(IdCardReader.class);
            assertThat(device.id()).isEqualTo("idcard-1");
        } finally {
            context.scheduler().shutdownNow();
        }
    }
}
