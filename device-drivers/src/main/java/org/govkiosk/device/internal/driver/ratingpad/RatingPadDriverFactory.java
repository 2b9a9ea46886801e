package org.govkiosk.device.internal.driver.ratingpad;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.driver.DriverFactory;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.internal.sim.ratingpad.SimulatedRatingPad;
import org.govkiosk.device.transport.Transport;

/** Serial five-key rating pads (also behind a serial-to-TCP converter); options in {@link RatingPadSettings}. */
public final class RatingPadDriverFactory implements DriverFactory {

    @Override
    public DeviceFamily family() {
        return DeviceFamily.RATING_PAD;
    }

    @Override
    public List<String> validate(DeviceConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.transport().kind() == TransportConfig.Kind.SYSTEM) {
            problems.add("transport: a rating pad is reached by serial, tcp or simulator, not system");
        }
        RatingPadSettings.of(config, problems);
        return problems;
    }

    @Override
    public Device create(DeviceConfig config, Transport transport, DeviceContext context) {
        if (transport == null) {
            throw new IllegalArgumentException("a rating pad needs a byte transport");
        }
        return new RatingPadDriver(config, transport, context, RatingPadSettings.require(config));
    }

    /** A simulated pad sending heartbeats as often as the config's {@code sim.heartbeat} says. */
    @Override
    public Optional<DeviceSimulator> simulator(DeviceConfig config) {
        RatingPadSettings s = RatingPadSettings.of(config, new ArrayList<>());
        return Optional.of(new SimulatedRatingPad(s.simHeartbeat()));
    }
}
