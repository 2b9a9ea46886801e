package org.govkiosk.device.internal.driver.smartcard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.govkiosk.device.internal.codec.smartcard.ApduProfile;

/**
 * Loads profiles named by the {@code profiles} option: comma-separated, each {@code classpath:/...} or a file
 * path. Without the option, the shipped social security card profiles: the demo layout and the national one.
 */
public final class ApduProfiles {

    public static final String SOCIAL_SECURITY_DEMO = "classpath:/org/govkiosk/device/driver/smartcard/"
            + "social-security-demo.properties";
    /** The social security card by its national layout (AID, record files, 社会保障号码, optional PSAM). */
    public static final String SOCIAL_SECURITY_NATIONAL = "classpath:/org/govkiosk/device/driver/smartcard/"
            + "social-security-national.properties";

    private ApduProfiles() {
    }

    public static List<ApduProfile> load(String option) {
        // The ATRs tell the two apart; the demo stays first, as it was the only one.
        String list = option == null || option.isBlank() ? SOCIAL_SECURITY_DEMO + "," + SOCIAL_SECURITY_NATIONAL
                : option;
        List<ApduProfile> profiles = new ArrayList<>();
        for (String entry : list.split(",")) {
            profiles.add(loadOne(entry.trim()));
        }
        return profiles;
    }

    public static ApduProfile loadOne(String location) {
        Properties p = new Properties();
        try (InputStream in = open(location); Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException(location + ": cannot read: " + e.getMessage(), e);
        }
        return ApduProfile.parse(p, location);
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            InputStream in = ApduProfiles.class.getResourceAsStream(location.substring("classpath:".length()));
            if (in == null) {
                throw new IOException("no such resource");
            }
            return in;
        }
        return Files.newInputStream(Path.of(location));
    }

    public static Optional<ApduProfile> matching(List<ApduProfile> profiles, byte[] atr) {
        return profiles.stream().filter(p -> p.matches(atr)).findFirst();
    }
}
