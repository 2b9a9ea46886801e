package org.govkiosk.device.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.driver.DriverFactory;
import org.govkiosk.device.registry.DriverFactories;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.transport.Transport;
import org.govkiosk.device.transport.Transports;

/**
 * Serves a device simulator over a real serial port (e.g. one end of a socat pty pair) for technicians' training
 * and integration tests, and reads control commands from standard input, one a line, printing each answer:
 * <pre>
 *   java -cp govkiosk-terminal.jar org.govkiosk.device.console.SimulatorConsole FAMILY PORT [baud=N] [model=M] [KEY=VALUE...]
 * </pre>
 * {@code KEY=VALUE} pairs become the device's options, as in devices.yaml. Commands are the simulator's
 * ({@code fault NAME}, {@code clear [NAME]}, {@code faults}, and the device's own), plus {@code help} and
 * {@code quit}. Exit codes: 0 after {@code quit} or end of input, 1 when the port fails, 2 for a usage error.
 */
public final class SimulatorConsole {

    static final int OK = 0;
    static final int PORT_FAILED = 1;
    static final int USAGE = 2;
    private static final int DEFAULT_BAUD = 9600;

    private SimulatorConsole() {
    }

    public static void main(String[] args) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.exit(run(Arrays.asList(args), in, System.out, DriverFactories.builtIn()));
    }

    /** The whole console, apart from the process: testable with any factories and streams. */
    static int run(List<String> args, BufferedReader in, PrintStream out, List<DriverFactory> factories) {
        if (args.size() < 2) {
            out.println("usage: SimulatorConsole FAMILY PORT [baud=N] [model=M] [KEY=VALUE...]");
            out.println("families: " + Arrays.stream(DeviceFamily.values()).map(DeviceFamily::configName)
                    .collect(Collectors.joining(", ")));
            return USAGE;
        }
        Optional<DeviceFamily> family = DeviceFamily.fromConfigName(args.get(0));
        if (family.isEmpty()) {
            out.println("error: unknown device family '" + args.get(0) + "'; families: "
                    + Arrays.stream(DeviceFamily.values()).map(DeviceFamily::configName)
                            .collect(Collectors.joining(", ")));
            return USAGE;
        }
        Optional<DriverFactory> factory = factories.stream().filter(f -> f.family() == family.get()).findFirst();
        if (factory.isEmpty()) {
            out.println("error: this build has no driver for " + family.get().configName()
                    + ", so it has no simulator for it either");
            return USAGE;
        }
        DeviceConfig config;
        try {
            config = config(family.get(), args.get(1), args.subList(2, args.size()));
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return USAGE;
        }
        List<String> problems = factory.get().validate(config);
        if (!problems.isEmpty()) {
            problems.forEach(p -> out.println("error: " + p));
            return USAGE;
        }
        Optional<DeviceSimulator> found = factory.get().simulator(config);
        if (found.isEmpty()) {
            out.println("error: " + family.get().configName() + " has no simulator");
            return USAGE;
        }
        Transport port = Transports.create(config.transport());
        try (DeviceSimulator simulator = found.get()) {
            try {
                simulator.attach(port);
            } catch (DeviceException e) {
                out.println("error: " + e.getMessage());
                return PORT_FAILED;
            }
            out.println("serving " + simulator.name() + " on " + port.describe() + "; type 'help' for commands");
            out.flush();
            return serve(simulator, port, in, out);
        } finally {
            port.close();
        }
    }

    private static DeviceConfig config(DeviceFamily family, String path, List<String> rest) {
        int baud = DEFAULT_BAUD;
        String model = null;
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : rest) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("expected KEY=VALUE, got '" + arg + "'");
            }
            String key = arg.substring(0, eq);
            String value = arg.substring(eq + 1);
            switch (key) {
                case "baud" -> baud = baudOf(value);
                case "model" -> model = value;
                default -> options.put(key, value);
            }
        }
        return new DeviceConfig("console", family, model, TransportConfig.serial(path, baud), true, null, null,
                options);
    }

    private static int baudOf(String value) {
        try {
            int baud = Integer.parseInt(value.trim());
            if (baud > 0) {
                return baud;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("baud must be a positive whole number, got '" + value + "'");
    }

    private static int serve(DeviceSimulator simulator, Transport port, BufferedReader in, PrintStream out) {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.trim();
                if (command.isEmpty()) {
                    continue;
                }
                if (command.equals("quit") || command.equals("exit")) {
                    break;
                }
                if (!port.isOpen()) {
                    out.println("error: " + port.describe() + " was lost");
                    return PORT_FAILED;
                }
                out.println(command.equals("help") ? help(simulator) : simulator.command(command));
                out.flush();
            }
            return OK;
        } catch (IOException e) {
            out.println("error: cannot read commands: " + e.getMessage());
            return USAGE;
        }
    }

    private static String help(DeviceSimulator simulator) {
        return "commands: fault NAME | clear [NAME] | faults | quit, plus the device's own; faults: "
                + simulator.supportedFaults();
    }
}
