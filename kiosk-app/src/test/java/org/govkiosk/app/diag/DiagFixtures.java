package org.govkiosk.app.diag;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.registry.DriverFactories;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.transport.SerialTransport;
import org.govkiosk.app.testkit.RepoConfig;

/** The shipped configuration copied with test devices, simulators on ptys, and diag run in-process. */
final class DiagFixtures {

    static final int BAUD = 115_200;

    private DiagFixtures() {
    }

    /** What one diag run printed and returned. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    static Run diag(Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DiagCli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run diag(String... args) {
        return diag(Clock.systemUTC(), args);
    }

    /** The repository's config/ copied to {@code target}, with {@code devicesYaml} as its devices.yaml. */
    static Path config(Path target, Path dataDir, String devicesYaml) throws IOException {
        RepoConfig.copyTo(target);
        Files.writeString(target.resolve("devices.yaml"), devicesYaml);
        Path terminal = target.resolve("terminal.yaml");
        Files.writeString(terminal, Files.readString(terminal) + "\nstorage:\n  data-dir: " + dataDir.toAbsolutePath()
                + "\n");
        return target;
    }

    static String serialDevice(String id, DeviceFamily family, Path port) {
        return "  - id: " + id + "\n    family: " + family.configName() + "\n    transport: serial\n    port: " + port
                + "\n    baud: " + BAUD + "\n";
    }

    /** The family's simulator, serving the device end of a pty pair with the production codec. */
    static DeviceSimulator simulator(DeviceFamily family, Path devicePort) throws DeviceException {
        DeviceConfig config = new DeviceConfig("sim", family, null, TransportConfig.serial(devicePort.toString(), BAUD),
                true, null, null, null);
        DeviceSimulator simulator = DriverFactories.builtIn().stream().filter(f -> f.family() == family)
                .filter(f -> f.accepts(config)).findFirst().orElseThrow().simulator(config).orElseThrow();
        simulator.attach(new SerialTransport(devicePort.toString(), BAUD));
        return simulator;
    }
}
