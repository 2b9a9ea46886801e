package org.govkiosk.app.diag;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.govkiosk.app.config.ConfigLoader;

/**
 * A parsed {@code diag} command line: the command, its operands and the options, which may stand anywhere.
 *
 * @param timeout how long to wait for a device (status, a card, a printed page); empty: the command's default
 */
record DiagArgs(String command, List<String> operands, Path configDir, boolean json, Optional<Duration> timeout,
        Optional<String> family, Optional<String> port, Optional<Integer> baud, Optional<String> model,
        Optional<Path> dataDir) {

    static final String USAGE = """
            usage: java -jar govkiosk-terminal.jar diag COMMAND [OPTIONS]
            commands:
              ports                              serial ports the OS shows, and the configured devices' paths
              probe DEVICE-ID                    open a configured device, wait for its status, print it
              probe --family F --port P          the same for a device not in devices.yaml
                                                 (P: /dev/usb/lp* usb printer, /dev/... serial, HOST:PORT tcp,
                                                 else an OS name: PC/SC, CUPS)
              read-id DEVICE-ID                  read one ID card; prints masked fields only; a reader fault
                                                 (bad checksum, truncated answer, SAM error) ends the wait at once
              test-page DEVICE-ID                print a test page on a receipt or document printer
              outbox                             depth, oldest age, dead letters, per kind (read-only)
              config-check                       validate the configuration; every problem, exit 78
            options:
              --config DIR      configuration folder (default: -Dgovkiosk.config.dir, else ./config)
              --json            one JSON object on standard output
              --timeout D       how long to wait for a device, e.g. 10s, 500ms (default 10s; read-id 30s)
              --baud N --model M   with --family/--port
              --data-dir DIR    the terminal's data folder for outbox (default: storage.data-dir)
            exit codes: 0 ok, 1 device fault or not found, 2 usage, 78 configuration""";

    /** @throws IllegalArgumentException saying what is wrong with the command line */
    static DiagArgs parse(List<String> args) {
        Path config = ConfigLoader.defaultDirectory();
        boolean json = false;
        Optional<Duration> timeout = Optional.empty();
        Optional<String> family = Optional.empty();
        Optional<String> port = Optional.empty();
        Optional<Integer> baud = Optional.empty();
        Optional<String> model = Optional.empty();
        Optional<Path> dataDir = Optional.empty();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean inline = arg.startsWith("--") && arg.contains("=");
            if (arg.equals("--json")) {
                json = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String value;
            if (inline) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            switch (name) {
                case "--config" -> config = Path.of(value);
                case "--timeout" -> timeout = Optional.of(duration(value));
                case "--family" -> family = Optional.of(value);
                case "--port" -> port = Optional.of(value);
                case "--baud" -> baud = Optional.of(positiveInt("--baud", value));
                case "--model" -> model = Optional.of(value);
                case "--data-dir" -> dataDir = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (positional.isEmpty()) {
            throw new IllegalArgumentException("no command given");
        }
        return new DiagArgs(positional.get(0), List.copyOf(positional.subList(1, positional.size())), config, json,
                timeout, family, port, baud, model, dataDir);
    }

    /** {@code 10s}, {@code 500ms}, {@code 2m} or plain seconds. */
    static Duration duration(String value) {
        String v = value.trim();
        try {
            if (v.endsWith("ms")) {
                return positive(Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2))), value);
            }
            if (v.endsWith("s")) {
                return positive(Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1))), value);
            }
            if (v.endsWith("m")) {
                return positive(Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1))), value);
            }
            return positive(Duration.ofSeconds(Long.parseLong(v)), value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timeout must look like 10s, 500ms or 2m, got '" + value + "'");
        }
    }

    private static Duration positive(Duration d, String value) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive, got '" + value + "'");
        }
        return d;
    }

    private static int positiveInt(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, got '" + value + "'");
    }

    /** The one operand a device command takes, unless --family/--port name the device instead. */
    Optional<String> deviceId() {
        return operands.isEmpty() ? Optional.empty() : Optional.of(operands.get(0));
    }
}
