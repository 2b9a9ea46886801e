package org.govkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govkiosk.app.config.ConfigDir.problemAt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries of devices.yaml, the extra validator hook, and many problems reported at once. */
class DevicesYamlTest {

    private static final String D = ConfigLoader.DEVICES_FILE;
    private static final String T = ConfigLoader.TERMINAL_FILE;

    @TempDir
    Path dir;

    private ConfigDir config() {
        return new ConfigDir(dir);
    }

    @Test
    void mapsEveryKeyToTheDeviceApi() {
        List<DeviceConfig> devices = config().devices("""
                  - id: reader
                    family: id-card-reader
                    transport: simulator
                """, """
                  - id: reader
                    family: id-card-reader
                    model: sam-v2
                    transport: serial
                    port: /dev/serial/by-id/usb-reader
                    baud: 9600
                    enabled: false
                    poll-interval: 250ms
                    silence-timeout: 1m
                    options:
                      response-timeout: 800
                """).devices("""
                  - id: printer
                    family: receipt-printer
                    transport: simulator
                """, """
                  - id: printer
                    family: receipt-printer
                    transport: tcp
                    host: 192.168.10.21
                    tcp-port: 9100
                """).load().devices();

        DeviceConfig reader = devices.get(0);
        assertThat(reader.id()).isEqualTo("reader");
        assertThat(reader.family()).isEqualTo(DeviceFamily.ID_CARD_READER);
        assertThat(reader.model()).isEqualTo("sam-v2");
        assertThat(reader.transport()).isEqualTo(TransportConfig.serial("/dev/serial/by-id/usb-reader", 9600));
        assertThat(reader.enabled()).isFalse();
        assertThat(reader.pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(reader.silenceTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(reader.options()).isEqualTo(Map.of("response-timeout", "800"));
        assertThat(devices.get(2).transport()).isEqualTo(TransportConfig.tcp("192.168.10.21", 9100));
    }

    @Test
    void unsetKeysTakeTheDeviceApiDefaults() {
        DeviceConfig scanner = config().load().devices().get(1);

        assertThat(scanner).isEqualTo(DeviceConfig.simulated("scanner", DeviceFamily.QR_SCANNER));
    }

    @Test
    void serialWithoutBaudUses115200() {
        DeviceConfig d = config().devices("    transport: simulator\n  - id: scanner",
                "    transport: serial\n    port: /dev/ttyUSB0\n  - id: scanner").load().devices().get(0);

        assertThat(d.transport().baudRate()).isEqualTo(115_200);
    }

    @Test
    void unknownFamilyListsTheKnownOnes() {
        List<String> problems = config().devices("family: qr-scanner", "family: barcode-gun").problems();

        String p = problemAt(problems, D, "devices[1].family", "barcode-gun");
        assertThat(p).contains(Arrays.stream(DeviceFamily.values()).map(DeviceFamily::configName).toList());
    }

    @Test
    void unknownTransportListsTheKnownOnes() {
        List<String> problems = config().devices("    transport: simulator\n  - id: printer",
                "    transport: parallel\n  - id: printer").problems();

        problemAt(problems, D, "devices[1].transport", "parallel", "serial", "tcp", "simulator", "system", "usb");
    }

    @Test
    void serialNeedsAPort() {
        List<String> problems = config().devices("    transport: simulator\n  - id: printer",
                "    transport: serial\n    baud: 9600\n  - id: printer").problems();

        problemAt(problems, D, "devices[1].port", "required", "serial");
    }

    @Test
    void tcpNeedsHostAndPort() {
        List<String> problems = config().devices("receipt-printer\n    transport: simulator\n",
                "receipt-printer\n    transport: tcp\n").problems();

        problemAt(problems, D, "devices[2].host", "required", "tcp");
        problemAt(problems, D, "devices[2].tcp-port", "required", "tcp");
        assertThat(problems).hasSize(2);
    }

    @Test
    void tcpPortOutOfRangeIsNamed() {
        List<String> problems = config().devices("receipt-printer\n    transport: simulator\n",
                "receipt-printer\n    transport: tcp\n    host: printer.local\n    tcp-port: 91000\n").problems();

        problemAt(problems, D, "devices[2].tcp-port", "65535", "91000");
    }

    @Test
    void aKeyOfAnotherTransportIsAMistake() {
        List<String> problems = config().devices("receipt-printer\n    transport: simulator\n",
                "receipt-printer\n    transport: serial\n    port: /dev/ttyS0\n    tcp-port: 9100\n").problems();

        problemAt(problems, D, "devices[2].tcp-port", "serial");
    }

    @Test
    void aSimulatorKeepsTheAddressOfTheRealDevice() {
        List<DeviceConfig> devices = config().devices("receipt-printer\n    transport: simulator\n",
                "receipt-printer\n    transport: simulator\n    host: 192.168.10.21\n    tcp-port: 9100\n").load().devices();

        assertThat(devices.get(2).transport().kind()).isEqualTo(TransportConfig.Kind.SIMULATOR);
    }

    @Test
    void duplicateIdsNameBothEntries() {
        List<String> problems = config().devices("id: printer", "id: reader").problems();

        String p = problemAt(problems, D, "devices[2].id", "reader");
        assertThat(p).contains("devices[0]");
    }

    @Test
    void unknownDeviceKeyListsTheAllowedOnes() {
        List<String> problems = config().devices("    transport: simulator\n  - id: printer",
                "    transport: simulator\n    speed: 9600\n  - id: printer").problems();

        problemAt(problems, D, "devices[1].speed", "unknown", "baud", "port", "options");
    }

    @Test
    void wrongTypesInADeviceAreNamed() {
        List<String> problems = config().devices("    transport: simulator\n  - id: printer",
                "    transport: serial\n    port: /dev/ttyACM0\n    baud: fast\n    poll-interval: 90\n"
                        + "    enabled: maybe\n  - id: printer").problems();

        problemAt(problems, D, "devices[1].baud", "number", "fast");
        problemAt(problems, D, "devices[1].poll-interval", "duration", "90");
        problemAt(problems, D, "devices[1].enabled", "true or false", "maybe");
        assertThat(problems).hasSize(3);
    }

    @Test
    void anOptionMustBeASingleValue() {
        List<String> problems = config().devices("    transport: simulator\n  - id: printer",
                "    transport: simulator\n    options:\n      terminator: [CR, LF]\n  - id: printer").problems();

        problemAt(problems, D, "devices[1].options.terminator", "single value");
    }

    @Test
    void missingDeviceListIsNamed() {
        List<String> problems = config().devicesText("device:\n  - id: reader\n").problems();

        problemAt(problems, D, "devices", "required");
        problemAt(problems, D, "device", "unknown", "devices");
    }

    @Test
    void validatorMessagesBecomeProblemsOfDevicesYaml() {
        List<List<DeviceConfig>> given = new ArrayList<>();
        List<String> problems = config().problems(devices -> {
            given.add(devices);
            return List.of("device 'printer': options.response-timeout: must be a number");
        });

        assertThat(problems).singleElement().asString().startsWith(D + ": ").contains("printer", "response-timeout");
        assertThat(given).singleElement().asList().hasSize(3);
    }

    @Test
    void validatorGetsOnlyTheEntriesThatPassedAndProblemsOfBothAreReported() {
        List<List<DeviceConfig>> given = new ArrayList<>();
        List<String> problems = config().devices("family: qr-scanner", "family: barcode-gun").problems(devices -> {
            given.add(devices);
            return devices.stream().map(d -> "device '" + d.id() + "': checked").toList();
        });

        assertThat(given).singleElement().asList().extracting("id").containsExactly("reader", "printer");
        problemAt(problems, D, "devices[1].family", "barcode-gun");
        assertThat(problems).filteredOn(p -> p.startsWith(D + ": device '")).hasSize(2);
    }

    @Test
    void aFailingValidatorIsAProblemNotACrash() {
        List<String> problems = config().problems(devices -> {
            throw new IllegalStateException("driver table not ready");
        });

        assertThat(problems).singleElement().asString().startsWith(D + ": ").contains("driver table not ready");
    }

    @Test
    void everyProblemOfBothFilesIsReportedAtOnce() {
        List<String> problems = config()
                .terminal("mode: kiosk", "mode: desk")
                .terminal("warning: 10s", "warning: 2m")
                .terminal("[zh-CN, en]", "[zh-CN, fr]")
                .terminal("url: embedded", "url: gateway")
                .devices("family: qr-scanner", "family: barcode-gun")
                .devices("    transport: simulator\n  - id: printer", "    transport: serial\n  - id: reader")
                .problems();

        problemAt(problems, T, "terminal.mode", "desk");
        problemAt(problems, T, "session.warning", "idle-timeout");
        problemAt(problems, T, "ui.locales[1]", "fr");
        problemAt(problems, T, "platform.url", "gateway");
        problemAt(problems, D, "devices[1].family", "barcode-gun");
        problemAt(problems, D, "devices[1].port", "serial");
        problemAt(problems, D, "devices[2].id", "reader");
        assertThat(problems).hasSize(7);
    }
}
