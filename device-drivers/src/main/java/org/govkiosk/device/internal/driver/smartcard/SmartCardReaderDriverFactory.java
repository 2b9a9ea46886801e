package org.govkiosk.device.internal.driver.smartcard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.driver.DriverFactory;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.transport.Transport;

/**
 * PC/SC smart card readers ({@code transport: system}; {@code port} names the reader, empty for the first one).
 * Option {@code profiles}: comma-separated APDU profile files ({@code classpath:/...} or paths); default the demo
 * and the national social security card profiles. Option {@code psam-reader}: the reader (slot) holding a PSAM,
 * for profiles that authenticate the card through one ({@code psam=optional|required}). There is no in-process simulator: a simulated card needs pcscd and vpcd (see
 * {@code sim.smartcard.VpcdCardEmulator}).
 */
public final class SmartCardReaderDriverFactory implements DriverFactory {

    public static final String PROFILES = "profiles";
    /** The PC/SC reader (slot) holding the PSAM for profiles that authenticate cards through one. */
    public static final String PSAM_READER = "psam-reader";
    private static final Set<String> OPTIONS = new java.util.TreeSet<>(Set.of(PROFILES, PSAM_READER));

    @Override
    public DeviceFamily family() {
        return DeviceFamily.SMART_CARD_READER;
    }

    @Override
    public List<String> validate(DeviceConfig config) {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(config.options().keySet())) {
            if (!OPTIONS.contains(key)) {
                problems.add("options." + key + ": unknown option of a smart-card-reader; known: " + OPTIONS);
            }
        }
        if (config.transport().kind() != TransportConfig.Kind.SYSTEM) {
            problems.add("transport: a smart-card-reader is reached through PC/SC (system), not "
                    + config.transport().kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        try {
            ApduProfiles.load(config.options().get(PROFILES));
        } catch (IllegalArgumentException e) {
            problems.add("options." + PROFILES + ": " + e.getMessage());
        }
        return problems;
    }

    @Override
    public Device create(DeviceConfig config, Transport transport, DeviceContext context) {
        return new SmartCardReaderDriver(config, context, ApduProfiles.load(config.options().get(PROFILES)));
    }

    @Override
    public Optional<DeviceSimulator> simulator(DeviceConfig config) {
        return Optional.empty();
    }
}
