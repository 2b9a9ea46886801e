package org.govkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.govkiosk.device.DeviceConfig;

/**
 * A config directory for one test: a small valid terminal.yaml and devices.yaml, edited by exact text replacement.
 * A replacement that finds nothing, or more than one place, fails the test, so a case cannot pass because its edit silently missed.
 */
final class ConfigDir {

    static final String TERMINAL = """
            terminal:
              id: t-1
              hall-name: 测试政务服务中心
              mode: kiosk
            session:
              idle-timeout: 60s
              warning: 10s
            ui:
              default-locale: zh-CN
              locales: [zh-CN, en]
              elder-mode: false
            maintenance:
              max-attempts: 3
              lockout: 2m
            platform:
              url: embedded
            """;

    static final String DEVICES = """
            devices:
              - id: reader
                family: id-card-reader
                transport: simulator
              - id: scanner
                family: qr-scanner
                transport: simulator
              - id: printer
                family: receipt-printer
                transport: simulator
            """;

    private final Path dir;
    private String terminal = TERMINAL;
    private String devices = DEVICES;

    ConfigDir(Path dir) {
        this.dir = dir;
    }

    Path path() {
        return dir;
    }

    ConfigDir terminal(String from, String to) {
        terminal = replaceOnce(terminal, from, to);
        return this;
    }

    ConfigDir devices(String from, String to) {
        devices = replaceOnce(devices, from, to);
        return this;
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("test setup: the text to replace is in the file: %s", from).isNotNegative();
        assertThat(text.indexOf(from, at + 1)).as("test setup: the text to replace is there once: %s", from)
                .isNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    ConfigDir devicesText(String text) {
        devices = text;
        return this;
    }

    ConfigDir write() {
        try {
            Files.writeString(dir.resolve(ConfigLoader.TERMINAL_FILE), terminal);
            Files.writeString(dir.resolve(ConfigLoader.DEVICES_FILE), devices);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TerminalConfig load() {
        write();
        return ConfigLoader.load(dir);
    }

    /** Writes, loads, and returns the problems of the ConfigException the load must throw. */
    List<String> problems() {
        return problems(devices -> List.of());
    }

    List<String> problems(Function<List<DeviceConfig>, List<String>> validator) {
        write();
        return problemsOf(validator);
    }

    /** For tests that put the files in place themselves. */
    List<String> problemsWithoutWriting() {
        return problemsOf(devices -> List.of());
    }

    private List<String> problemsOf(Function<List<DeviceConfig>, List<String>> validator) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(dir, validator));
        assertThat(e).as("the load must fail with a ConfigException").isNotNull();
        assertThat(e.getMessage().lines().toList()).as("the message lists every problem, one per line")
                .isEqualTo(e.problems());
        return e.problems();
    }

    /**
     * The one problem reported for {@code key} of {@code file}, which must mention every fragment: the parts a
     * technician needs (the file, the key, what is wrong), not the exact wording.
     */
    static String problemAt(List<String> problems, String file, String key, String... fragments) {
        String prefix = file + ": " + key + ": ";
        List<String> atKey = problems.stream().filter(p -> p.startsWith(prefix)).toList();
        assertThat(atKey).as("problems at %s in %s, among %s", key, file, problems).hasSize(1);
        assertThat(atKey.get(0).substring(prefix.length())).as("what is wrong").isNotBlank().contains(fragments);
        return atKey.get(0);
    }
}
