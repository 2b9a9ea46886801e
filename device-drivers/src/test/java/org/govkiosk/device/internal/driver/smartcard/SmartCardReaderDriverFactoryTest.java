package org.govkiosk.device.internal.driver.smartcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.registry.DriverFactories;
import org.junit.jupiter.api.Test;

class SmartCardReaderDriverFactoryTest {

    private final SmartCardReaderDriverFactory factory = new SmartCardReaderDriverFactory();

    private static DeviceConfig config(TransportConfig transport, Map<String, String> options) {
        return new DeviceConfig("sc", DeviceFamily.SMART_CARD_READER, null, transport, true, null, null, options);
    }

    static TransportConfig system(String reader) {
        return new TransportConfig(TransportConfig.Kind.SYSTEM, reader, 0, null, 0);
    }

    @Test
    void aSystemReaderWithTheDefaultProfileIsValid() {
        assertThat(factory.validate(config(system(""), Map.of()))).isEmpty();
        assertThat(factory.simulator(config(system(""), Map.of()))).isEmpty();
    }

    @Test
    void problemsNameTheKey() {
        assertThat(factory.validate(config(TransportConfig.serial("/dev/ttyS0", 9600),
                Map.of("profile", "x", "profiles", "/no/such/profile.properties"))))
                .containsExactly("options.profile: unknown option of a smart-card-reader; known: [profiles, psam-reader]",
                        "transport: a smart-card-reader is reached through PC/SC (system), not serial",
                        "options.profiles: /no/such/profile.properties: cannot read: /no/such/profile.properties");
    }

    @Test
    void isBuiltIn() {
        assertThat(DriverFactories.builtIn()).anySatisfy(f -> assertThat(f.family())
                .isEqualTo(DeviceFamily.SMART_CARD_READER));
    }
}
