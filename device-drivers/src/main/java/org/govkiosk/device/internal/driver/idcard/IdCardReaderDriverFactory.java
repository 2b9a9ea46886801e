package org.govkiosk.device.internal.driver.idcard;

import java.time.Duration;
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
import org.govkiosk.device.driver.DriverOptions;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.internal.sim.idcard.SimulatedIdCardReader;
import org.govkiosk.device.transport.Transport;

/**
 * Second-generation ID card readers (SAM serial protocol). Option {@code response-timeout}: milliseconds to wait
 * for each answer (default 1000); {@code photo-decoder}: the absolute path of the vendor's licensed WLT decoder
 * library ({@link VendorPhotoDecoder}), without which the photo stays encoded. Serial readers run at 115200 baud
 * unless set otherwise.
 */
public final class IdCardReaderDriverFactory implements DriverFactory {

    public static final String RESPONSE_TIMEOUT = "response-timeout";
    public static final int DEFAULT_BAUD = 115_200;
    /** The rates SAM readers are sold with; anything else is a typo. */
    static final Set<Integer> BAUD_RATES = Set.of(9_600, 19_200, 38_400, 57_600, 115_200);
    public static final String PHOTO_DECODER = "photo-decoder";
    private static final Set<String> OPTIONS = Set.of(RESPONSE_TIMEOUT, PHOTO_DECODER);
    private static final Duration MIN_POLL = Duration.ofMillis(50);
    private static final Duration MAX_POLL = Duration.ofSeconds(10);

    @Override
    public DeviceFamily family() {
        return DeviceFamily.ID_CARD_READER;
    }

    @Override
    public List<String> validate(DeviceConfig config) {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(config.options().keySet())) {
            if (!OPTIONS.contains(key)) {
                problems.add("options." + key + ": unknown option of an id-card-reader; known: " + OPTIONS);
            }
        }
        DriverOptions.responseTimeout(config, problems);
        config.option(PHOTO_DECODER).ifPresent(p -> {
            java.nio.file.Path file = java.nio.file.Path.of(p);
            if (!file.isAbsolute() || !java.nio.file.Files.isRegularFile(file)) {
                problems.add("options." + PHOTO_DECODER + ": " + p + " is not a library file (the absolute path of"
                        + " the reader vendor's licensed libwlt2bmp.so)");
            }
        });
        TransportConfig t = config.transport();
        if (t.kind() == TransportConfig.Kind.SYSTEM) {
            problems.add("transport: an id-card-reader is reached by serial, tcp or simulator, not system");
        }
        if (t.kind() == TransportConfig.Kind.SERIAL && !BAUD_RATES.contains(t.baudRate())) {
            problems.add("baud: must be one of " + new TreeSet<>(BAUD_RATES) + " (readers default to " + DEFAULT_BAUD
                    + "), got " + t.baudRate());
        }
        if (config.pollInterval().compareTo(MIN_POLL) < 0 || config.pollInterval().compareTo(MAX_POLL) > 0) {
            problems.add("poll-interval: must be from " + MIN_POLL.toMillis() + "ms to " + MAX_POLL.toSeconds()
                    + "s, got " + config.pollInterval().toMillis() + "ms");
        }
        return problems;
    }

    @Override
    public Device create(DeviceConfig config, Transport transport, DeviceContext context) {
        if (transport == null) {
            throw new IllegalArgumentException("an id-card-reader needs a byte transport");
        }
        return new IdCardReaderDriver(config, transport, context, DriverOptions.responseTimeout(config,
                new ArrayList<>()));
    }

    /**
     * The photo decoder the reader's options name, or {@link PhotoDecoder#none()}.
     *
     * @throws IllegalArgumentException when the named library cannot be loaded
     */
    public static org.govkiosk.device.idcard.PhotoDecoder photoDecoder(DeviceConfig config) {
        return config.option(PHOTO_DECODER).<org.govkiosk.device.idcard.PhotoDecoder>map(
                p -> VendorPhotoDecoder.load(java.nio.file.Path.of(p)))
                .orElseGet(org.govkiosk.device.idcard.PhotoDecoder::none);
    }

    @Override
    public Optional<DeviceSimulator> simulator(DeviceConfig config) {
        return Optional.of(SimulatedIdCardReader.withDemoCards());
    }
}
