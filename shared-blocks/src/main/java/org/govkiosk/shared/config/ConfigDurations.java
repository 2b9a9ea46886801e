package org.govkiosk.shared.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as technicians write them in config files: "300ms", "90s", "5m", "1h", or ISO-8601 ("PT90S") for
 * anyone who copies a value from elsewhere. Nothing else, so "90" (seconds? minutes?) is rejected, not guessed.
 */
public final class ConfigDurations {

    // Nine digits at most: no overflow, and no sane setting needs more.
    private static final Pattern FRIENDLY = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private ConfigDurations() {
    }

    /** The duration, or empty if the text is not one of the accepted forms or is negative. */
    public static Optional<Duration> parse(String text) {
        String value = text.trim();
        Matcher m = FRIENDLY.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
        }
        if (!value.startsWith("P") && !value.startsWith("p")) {
            return Optional.empty();
        }
        try {
            Duration d = Duration.parse(value);
            // "PT-5S" parses; a negative timeout or interval is never meant.
            return d.isNegative() ? Optional.empty() : Optional.of(d);
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** The friendly form of a duration, largest whole unit first ("90s", "5m", "300ms"). */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms != 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms != 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1_000 == 0) {
            return ms / 1_000 + "s";
        }
        return ms + "ms";
    }
}
