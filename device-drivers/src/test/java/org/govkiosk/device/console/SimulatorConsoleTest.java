package org.govkiosk.device.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.driver.DriverFactory;
import org.govkiosk.testkit.Await;
import org.govkiosk.device.testkit.PingProtocol.PingDriverFactory;
import org.govkiosk.device.testkit.RecordingListener;
import org.govkiosk.device.testkit.SocatPtyPair;
import org.govkiosk.device.transport.SerialTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorConsoleTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<DriverFactory> factories = List.of(new PingDriverFactory(DeviceFamily.QR_SCANNER, true),
            new PingDriverFactory(DeviceFamily.RECEIPT_PRINTER, false));
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void withoutArgumentsItPrintsUsageAndExits2() {
        int code = SimulatorConsole.run(List.of(), noInput(), out, factories);

        assertThat(code).isEqualTo(2);
        assertThat(printed()).contains("usage: SimulatorConsole FAMILY PORT").contains("qr-scanner");
    }

    @Test
    void anUnknownFamilyExits2() {
        int code = SimulatorConsole.run(List.of("coffee-machine", "/dev/ttyS0"), noInput(), out, factories);

        assertThat(code).isEqualTo(2);
        assertThat(printed()).contains("error: unknown device family 'coffee-machine'");
    }

    @Test
    void aFamilyWithoutAFactoryExits2WithAClearError() {
        int code = SimulatorConsole.run(List.of("qr-scanner", "/dev/ttyS0"), noInput(), out, List.of());

        assertThat(code).isEqualTo(2);
        assertThat(printed()).contains("error: this build has no driver for qr-scanner");
    }

    @Test
    void aFamilyWithoutASimulatorExits2() {
        int code = SimulatorConsole.run(List.of("receipt-printer", "/dev/ttyS0"), noInput(), out, factories);

        assertThat(code).isEqualTo(2);
        assertThat(printed()).contains("error: receipt-printer has no simulator");
    }

    @Test
    void badArgumentsAndOptionsExit2NamingTheProblem() {
        assertThat(SimulatorConsole.run(List.of("qr-scanner", "/dev/ttyS0", "baud=fast"), noInput(), out, factories))
                .isEqualTo(2);
        assertThat(SimulatorConsole.run(List.of("qr-scanner", "/dev/ttyS0", "greeting= "), noInput(), out, factories))
                .isEqualTo(2);
        assertThat(SimulatorConsole.run(List.of("qr-scanner", "/dev/ttyS0", "loose"), noInput(), out, factories))
                .isEqualTo(2);

        assertThat(printed()).contains("error: baud must be a positive whole number, got 'fast'")
                .contains("error: options.greeting: must not be blank")
                .contains("error: expected KEY=VALUE, got 'loose'");
    }

    @Test
    void aMissingPortExits1() {
        Path missing = dir.resolve("ttyV9");

        int code = SimulatorConsole.run(List.of("qr-scanner", missing.toString()), noInput(), out, factories);

        assertThat(code).isEqualTo(1);
        assertThat(printed()).contains("PORT_NOT_FOUND").contains(missing.toString());
    }

    @Test
    void servesTheSimulatorOnAPtyAndAnswersCommands() throws Exception {
        try (SocatPtyPair ptys = SocatPtyPair.start(dir);
                PipedOutputStream typing = new PipedOutputStream();
                SerialTransport host = new SerialTransport(ptys.b().toString(), 19_200)) {
            BufferedReader stdin = new BufferedReader(new InputStreamReader(new PipedInputStream(typing),
                    StandardCharsets.UTF_8));
            CompletableFuture<Integer> console = CompletableFuture.supplyAsync(() -> SimulatorConsole.run(
                    List.of("qr-scanner", ptys.a().toString(), "baud=19200"), stdin, out, factories));
            Await.until("the console serves", WAIT, () -> printed().contains("serving ping on serial:"),
                    this::printed);
            RecordingListener atHost = new RecordingListener();
            host.open(atHost);

            host.write("PING\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(atHost.awaitBytes(5, WAIT)).isEqualTo("PONG\n".getBytes(StandardCharsets.US_ASCII));

            type(typing, "pings");
            type(typing, "faults");
            type(typing, "");
            type(typing, "bogus");
            type(typing, "help");
            Await.until("every command is answered", WAIT, () -> printed().contains("commands:"), this::printed);
            type(typing, "quit");

            assertThat(console.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(0);
            assertThat(printed().lines().skip(1).toList()).containsExactly(
                    "pings 1",
                    "active [] supported [garbage, silence, truncate]",
                    "error unknown command 'bogus'",
                    "commands: fault NAME | clear [NAME] | faults | quit, plus the device's own; faults: "
                            + "[garbage, silence, truncate]");
        }
    }

    private static void type(PipedOutputStream typing, String line) throws IOException {
        typing.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        typing.flush();
    }

    private static BufferedReader noInput() {
        return new BufferedReader(new StringReader(""));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
