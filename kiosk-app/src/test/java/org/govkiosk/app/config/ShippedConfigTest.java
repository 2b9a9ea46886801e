package org.govkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import org.govkiosk.app.config.LaunchOptions;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration the repository ships (the demo's), as the terminal would load it. */
class ShippedConfigTest {

    /** Surefire sets the property to the repository's config/; from an IDE the module directory is the cwd. */
    static Path repoConfig() {
        return Paths.get(System.getProperty(ConfigLoader.DIR_PROPERTY, "../config"));
    }

    @Test
    void loadsTheTerminalOfTheDemo() {
        TerminalConfig config = ConfigLoader.load(repoConfig());

        assertThat(config.terminal().id()).matches("[A-Za-z0-9._-]+");
        assertThat(config.terminal().hallName()).contains("政务服务中心");
        assertThat(config.terminal().hallName(Locale.ENGLISH)).contains("Government Service Center");
        assertThat(config.terminal().mode()).isEqualTo(LaunchOptions.Mode.KIOSK);
        assertThat(config.session().idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.session().warning()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.ui().defaultLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(config.ui().locales()).containsExactly(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH,
                Locale.forLanguageTag("ug-CN"), Locale.forLanguageTag("mn-Mong-CN"));
        assertThat(config.terminal().hallName(Locale.forLanguageTag("ug-CN"))).contains("مۇلازىمەت مەركىزى");
        // A bilingual Mongolian screen shows the Chinese with the Mongolian (traditional script) beside it.
        Locale mn = Locale.forLanguageTag("mn-Mong-CN");
        assertThat(config.terminal().hallName(mn)).isEqualTo(config.terminal().hallName());
        assertThat(config.terminal().hallNameMongolian(mn)).contains("ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ")
                .matches("[\\p{IsMongolian}\\u1802\\u1803\\u202F\\u180E 0-9]+");
        assertThat(config.terminal().hallNameMongolian(Locale.SIMPLIFIED_CHINESE)).isEmpty();
        assertThat(config.ui().elderMode()).isFalse();
        assertThat(config.maintenance().maxAttempts()).isEqualTo(5);
        assertThat(config.maintenance().lockout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.platform().isEmbedded()).isTrue();
    }

    @Test
    void shipsTheWorkingCalendarsOf2025And2026() {
        TerminalConfig config = ConfigLoader.load(repoConfig());
        assertThat(config.calendar().years()).contains(2025, 2026);
        // 国庆中秋 2025: 1-8 October.
        assertThat(config.calendar().addWorkingDays(java.time.LocalDate.of(2025, 9, 30), 1))
                .isEqualTo(java.time.LocalDate.of(2025, 10, 9));
    }

    @Test
    void shipsNoMaintenancePin() {
        assertThat(ConfigLoader.load(repoConfig()).maintenance().pinHash()).isEmpty();
    }

    @Test
    void demoDevicesAreAllSimulated() {
        List<DeviceConfig> all = ConfigLoader.load(repoConfig()).devices();
        assertThat(all).extracting(DeviceConfig::family).containsExactly(
                DeviceFamily.ID_CARD_READER, DeviceFamily.QR_SCANNER, DeviceFamily.QR_SCANNER,
                DeviceFamily.RECEIPT_PRINTER);
        // The keyboard-wedge scanner needs no simulator: the demo's keyboard is one (type fast, press Enter).
        assertThat(all).filteredOn(d -> d.model().equals("keyboard-wedge")).singleElement()
                .satisfies(d -> assertThat(d.transport().kind()).isEqualTo(TransportConfig.Kind.SYSTEM));
        List<DeviceConfig> devices = all.stream().filter(d -> !d.model().equals("keyboard-wedge")).toList();
        assertThat(devices).allSatisfy(d -> {
            assertThat(d.transport().kind()).isEqualTo(TransportConfig.Kind.SIMULATOR);
            assertThat(d.enabled()).isTrue();
            assertThat(d.model()).isEqualTo("generic");
        });
        assertThat(devices).extracting(DeviceConfig::id).doesNotHaveDuplicates();
        assertThat(devices.get(0).pollInterval()).isEqualTo(Duration.ofMillis(300));
        assertThat(devices.get(1).option("terminator")).contains("CR");
        assertThat(devices.get(2).pollInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    /** The commented examples are what technicians copy; they must load as written once uncommented. */
    @Test
    void commentedRealTerminalExamplesAreValid(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(repoConfig().resolve(ConfigLoader.DEVICES_FILE));
        int start = lines.indexOf("# Examples for a real terminal:");
        assertThat(start).as("devices.yaml has its examples block").isNotNegative();
        List<String> examples = new ArrayList<>(List.of("devices:"));
        lines.subList(start + 1, lines.size()).stream().filter(l -> l.startsWith("#  "))
                .map(l -> l.substring(1)).forEach(examples::add);
        Files.copy(repoConfig().resolve(ConfigLoader.TERMINAL_FILE), dir.resolve(ConfigLoader.TERMINAL_FILE));
        Files.write(dir.resolve(ConfigLoader.DEVICES_FILE), examples);

        List<DeviceConfig> devices = ConfigLoader.load(dir).devices();

        assertThat(devices).hasSize(8);
        TransportConfig serial = devices.get(0).transport();
        assertThat(serial.kind()).isEqualTo(TransportConfig.Kind.SERIAL);
        assertThat(serial.port()).isEqualTo("/dev/ttyUSB0");
        assertThat(serial.baudRate()).isEqualTo(115_200);
        TransportConfig pcsc = devices.get(1).transport();
        assertThat(pcsc.kind()).isEqualTo(TransportConfig.Kind.SYSTEM);
        assertThat(pcsc.port()).isNotBlank();
        assertThat(devices.get(2).model()).isEqualTo("camera-folder");
        assertThat(devices.get(3).model()).isEqualTo("uvc-camera");
        assertThat(devices.get(3).transport().port()).isEqualTo("first-uvc");
        assertThat(devices.get(3).option("frame-rate")).contains("15");
        assertThat(devices.get(4).family()).isEqualTo(DeviceFamily.RATING_PAD);
        TransportConfig slowSerial = devices.get(5).transport();
        assertThat(slowSerial.kind()).isEqualTo(TransportConfig.Kind.SERIAL);
        assertThat(slowSerial.baudRate()).isEqualTo(9600);
        TransportConfig usb = devices.get(6).transport();
        assertThat(usb.kind()).isEqualTo(TransportConfig.Kind.USB);
        assertThat(usb.port()).startsWith("/dev/usb/lp");
        TransportConfig tcp = devices.get(7).transport();
        assertThat(tcp.kind()).isEqualTo(TransportConfig.Kind.TCP);
        assertThat(tcp.host()).isNotBlank();
        assertThat(tcp.tcpPort()).isEqualTo(9100);
    }

    /** The commented printer-models example loads as written once uncommented, and a printer can name it. */
    @Test
    void commentedPrinterModelExampleIsValid(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(repoConfig().resolve(ConfigLoader.DEVICES_FILE));
        int start = lines.indexOf("# printer-models:");
        assertThat(start).as("devices.yaml has its printer-models example").isNotNegative();
        List<String> yaml = new ArrayList<>();
        for (String l : lines.subList(start, lines.size())) {
            if (!l.startsWith("# ")) {
                break;
            }
            yaml.add(l.substring(2));
        }
        yaml.addAll(List.of("devices:", "  - id: receipt-1", "    family: receipt-printer", "    model: xp-58-clone",
                "    transport: simulator"));
        Files.copy(repoConfig().resolve(ConfigLoader.TERMINAL_FILE), dir.resolve(ConfigLoader.TERMINAL_FILE));
        Files.write(dir.resolve(ConfigLoader.DEVICES_FILE), yaml);

        DeviceConfig printer = ConfigLoader.load(dir).devices().get(0);

        assertThat(printer.options()).containsEntry("status-queries", "1,2,4").containsEntry("encoding", "GB2312")
                .containsEntry("qr", "raster");
    }

    /** The commented pin-hash line is where a technician puts the value PinHash prints. */
    @Test
    void pinHashLineTakesAPrintedHash(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(repoConfig().resolve(ConfigLoader.TERMINAL_FILE));
        String value = PinHash.hash("135790".toCharArray()).encoded();
        String edited = yaml.replaceFirst("(?m)^(\\s*)#\\s*pin-hash:.*$",
                Matcher.quoteReplacement("  pin-hash: \"" + value + "\""));
        assertThat(edited).as("terminal.yaml has a commented pin-hash line").isNotEqualTo(yaml);
        Files.writeString(dir.resolve(ConfigLoader.TERMINAL_FILE), edited);
        Files.copy(repoConfig().resolve(ConfigLoader.DEVICES_FILE), dir.resolve(ConfigLoader.DEVICES_FILE));

        PinHash pin = ConfigLoader.load(dir).maintenance().pinHash().orElseThrow();

        assertThat(pin.matches("135790".toCharArray())).isTrue();
        assertThat(pin.matches("135791".toCharArray())).isFalse();
    }
}
