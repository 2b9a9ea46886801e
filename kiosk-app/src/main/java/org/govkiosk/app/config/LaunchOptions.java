package org.govkiosk.app.config;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Optional;

/**
 * How the terminal was started: {@code --demo} (simulated devices, embedded platform, one-time maintenance PIN),
 * {@code --mode=kiosk|pad}, {@code --config=DIR}, {@code --windowed} (development only: a normal window).
 */
public record LaunchOptions(Path configDir, boolean demo, Optional<Mode> mode, boolean windowed) {

    public enum Mode { KIOSK, PAD }

    public static LaunchOptions parse(String... args) {
        Path config = Paths.get(System.getProperty("govkiosk.config.dir", "config"));
        boolean demo = false;
        boolean windowed = false;
        Optional<Mode> mode = Optional.empty();
        for (String arg : args) {
            if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.equals("--windowed")) {
                windowed = true;
            } else if (arg.startsWith("--config=")) {
                config = Paths.get(arg.substring("--config=".length()));
            } else if (arg.startsWith("--mode=")) {
                mode = Optional.of(parseMode(arg.substring("--mode=".length())));
            } else {
                throw new IllegalArgumentException("Unknown option '" + arg
                        + "'. Options: --demo --mode=kiosk|pad --config=DIR --windowed");
            }
        }
        return new LaunchOptions(config, demo, mode, windowed);
    }

    public static Mode parseMode(String value) {
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode must be kiosk or pad, was '" + value + "'", e);
        }
    }
}
