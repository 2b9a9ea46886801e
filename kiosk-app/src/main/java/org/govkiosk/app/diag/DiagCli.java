package org.govkiosk.app.diag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govkiosk.app.config.ConfigException;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.registry.DeviceRegistry;

/**
 * The technicians' command line over SSH, in the terminal's jar: {@code java -jar govkiosk-terminal.jar diag
 * COMMAND}. It opens devices with the terminal's own drivers, so stop the terminal service first when it holds the
 * port. Output is text for people or, with {@code --json}, one JSON object for scripts; exit codes 0 ok, 1 device
 * fault or not found, 2 usage, 78 configuration (as the terminal's own start).
 */
public final class DiagCli {

    public static final int OK = 0;
    public static final int FAULT = 1;
    public static final int USAGE = 2;
    public static final int CONFIG = 78;

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CARD_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DiagArgs args;
    private final PrintStream err;
    private final Clock clock;

    private DiagCli(DiagArgs args, PrintStream err, Clock clock) {
        this.args = args;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] args) {
        // Logs go to standard error, warnings only, so standard output stays the command's answer.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/govkiosk/app/diag/logback-diag.xml");
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.exit(run(Arrays.asList(args), out, System.err, Clock.systemDefaultZone()));
    }

    /** The whole command apart from the process, for tests: returns the exit code. */
    public static int run(List<String> argv, PrintStream out, PrintStream err, Clock clock) {
        if (argv.contains("--help") || argv.contains("-h") || argv.equals(List.of("help"))) {
            out.println(DiagArgs.USAGE);
            return OK;
        }
        DiagArgs parsed;
        try {
            parsed = DiagArgs.parse(argv);
        } catch (IllegalArgumentException e) {
            err.println("diag: " + e.getMessage());
            err.println(DiagArgs.USAGE);
            return USAGE;
        }
        DiagResult result;
        try {
            result = new DiagCli(parsed, err, clock).dispatch();
        } catch (DeviceNotFound e) {
            result = DiagResult.problems(FAULT, "diag: " + e.getMessage(), List.of());
        } catch (IllegalArgumentException e) {
            result = DiagResult.problems(USAGE, "diag: " + e.getMessage(), List.of());
            if (!parsed.json()) {
                err.println(DiagArgs.USAGE);
            }
        } catch (ConfigException e) {
            result = DiagResult.problems(CONFIG, "configuration in " + parsed.configDir().toAbsolutePath()
                    + " is not valid", e.problems());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = DiagResult.problems(FAULT, "interrupted", List.of());
        } catch (RuntimeException e) {
            // A device or font that fails in a way no check foresaw: still an answer a script can act on.
            result = DiagResult.problems(FAULT, "diag " + parsed.command() + " failed: " + e, List.of());
        }
        print(parsed, result, out, err);
        return result.exitCode();
    }

    private static void print(DiagArgs args, DiagResult result, PrintStream out, PrintStream err) {
        if (args.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("command", args.command());
            json.put("exitCode", result.exitCode());
            json.putAll(result.json());
            try {
                out.println(JSON.writeValueAsString(json));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("maps of strings and numbers always serialise", e);
            }
        } else {
            // Problems go where scripts expect errors; findings where they expect answers.
            PrintStream to = result.exitCode() == OK ? out : err;
            result.text().forEach(to::println);
        }
        out.flush();
    }

    private DiagResult dispatch() throws InterruptedException {
        return switch (args.command()) {
            case "ports" -> {
                noOperands();
                yield PortList.run(DeviceRegistry.serialPorts(), ConfigCheck.load(args.configDir()));
            }
            case "probe" -> devices(DEFAULT_TIMEOUT).probe();
            case "read-id" -> devices(CARD_TIMEOUT).readId();
            case "test-page" -> {
                Optional<TerminalConfig> terminal = terminalConfigIfValid();
                yield devices(DEFAULT_TIMEOUT).testPage(terminal, args.configDir().resolve(terminal
                        .map(t -> t.print().templatesDir())
                        .orElse(Path.of(TerminalConfig.Print.DEFAULT_TEMPLATES))));
            }
            case "outbox" -> {
                noOperands();
                Path dataDir = args.dataDir().orElseGet(() -> {
                    TerminalConfig config = ConfigCheck.load(args.configDir());
                    return config.storage().resolve(config.terminal().id());
                });
                yield OutboxInspector.run(dataDir, clock);
            }
            case "config-check" -> {
                noOperands();
                yield ConfigCheck.run(args.configDir());
            }
            default -> throw new IllegalArgumentException("unknown command '" + args.command() + "'");
        };
    }

    private DeviceCommands devices(Duration defaultTimeout) {
        Duration timeout = args.timeout().orElse(defaultTimeout);
        if (args.operands().size() > 1) {
            throw new IllegalArgumentException(args.command() + " takes one DEVICE-ID, got " + args.operands());
        }
        DeviceConfig device;
        if (DeviceTarget.adHoc(args)) {
            device = DeviceTarget.fromArgs(args);
            List<String> problems = DeviceRegistry.validate(List.of(device),
                    org.govkiosk.device.registry.DriverFactories.builtIn());
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
        } else {
            String id = args.deviceId().orElseThrow(() -> new IllegalArgumentException(args.command()
                    + " needs a DEVICE-ID or --family F --port P"));
            TerminalConfig config = ConfigCheck.load(args.configDir());
            device = DeviceTarget.fromConfig(config, id).orElse(null);
            if (device == null) {
                throw new DeviceNotFound(id, config);
            }
        }
        return new DeviceCommands(device, timeout, err);
    }

    /** The printer's paper width and font come from the configuration when there is a valid one. */
    private Optional<TerminalConfig> terminalConfigIfValid() {
        try {
            return Optional.of(ConfigCheck.load(args.configDir()));
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }

    private void noOperands() {
        if (!args.operands().isEmpty()) {
            throw new IllegalArgumentException(args.command() + " takes no operands, got " + args.operands());
        }
    }

    /** An id that devices.yaml does not have: exit 1 ("not found"), naming the ids it has. */
    private static final class DeviceNotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeviceNotFound(String id, TerminalConfig config) {
            super("no device '" + id + "' in devices.yaml; configured: "
                    + config.devices().stream().map(DeviceConfig::id).toList());
        }
    }
}
