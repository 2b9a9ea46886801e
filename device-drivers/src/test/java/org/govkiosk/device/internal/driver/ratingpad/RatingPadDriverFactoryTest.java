package org.govkiosk.device.internal.driver.ratingpad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.Executors;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.registry.DriverFactories;
import org.govkiosk.device.internal.sim.ratingpad.SimulatedRatingPad;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class RatingPadDriverFactoryTest {

    private final RatingPadDriverFactory factory = new RatingPadDriverFactory();

    private static DeviceConfig config(TransportConfig transport, Map<String, String> options) {
        return new DeviceConfig("pad", DeviceFamily.RATING_PAD, null, transport, true, null, null, options);
    }

    @Test
    void aGoodConfigHasNoProblemsAndTheBuildKnowsTheFamily() {
        assertThat(factory.validate(config(TransportConfig.serial("/dev/ttyUSB1", 9600),
                Map.of("response-timeout", "500", "show-attempts", "5", "debounce", "0", "charset", "GB18030",
                        "sim.heartbeat", "1000", "window-pad", "true", "bad-rating-reasons", "phone")))).isEmpty();
        assertThat(DriverFactories.builtIn()).anyMatch(f -> f.family() == DeviceFamily.RATING_PAD);
    }

    @Test
    void everyBadOptionIsNamedAtOnce() {
        assertThat(factory.validate(config(new TransportConfig(TransportConfig.Kind.SYSTEM, "pad", 0, null, 0),
                Map.of("show-attempts", "0", "debounce", "soon", "charset", "big5", "colour", "red",
                        "window-pad", "yes", "bad-rating-reasons", "sms"))))
                .containsExactly(
                        "transport: a rating pad is reached by serial, tcp or simulator, not system",
                        "options.colour: unknown option for a rating pad; known: [bad-rating-reasons, charset,"
                                + " debounce, response-timeout, show-attempts, sim.heartbeat, window-pad]",
                        "options.show-attempts: must be a whole number from 1 to 10, got '0'",
                        "options.debounce: must be a whole number from 0 to 5000, got 'soon'",
                        "options.charset: must be utf-8 or gb18030, got 'big5'",
                        "options.window-pad: must be true or false, got 'yes'",
                        "options.bad-rating-reasons: must be screen or phone, got 'sms'");
    }

    @Test
    void createsTheDriverAndItsSimulator() {
        DeviceConfig c = config(TransportConfig.simulator(), Map.of());
        DeviceContext context = new DeviceContext(Executors.newSingleThreadScheduledExecutor(), new DeviceEventBus(),
                new MutableClock());
        try {
            assertThat(factory.simulator(c)).hasValueSatisfying(s -> {
                assertThat(s).isInstanceOf(SimulatedRatingPad.class);
                assertThat(s.supportedFaults()).contains("key-stuck", "display-fault", "bounce", "no-ack", "silence");
            });
            assertThatThrownBy(() -> factory.create(c, null, context)).hasMessageContaining("byte transport");
            assertThatThrownBy(() -> factory.create(config(TransportConfig.simulator(), Map.of("debounce", "-1")),
                    org.govkiosk.device.transport.PipeTransport.pair("x")[0], context))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("options.debounce");
        } finally {
            context.scheduler().shutdownNow();
        }
    }
}
