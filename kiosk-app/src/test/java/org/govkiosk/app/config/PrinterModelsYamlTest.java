package org.govkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govkiosk.app.config.ConfigDir.problemAt;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.govkiosk.device.DeviceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code printer-models} in devices.yaml: a receipt printer takes its model's settings, a mistake is named. */
class PrinterModelsYamlTest {

    private static final String D = ConfigLoader.DEVICES_FILE;

    @TempDir
    Path dir;

    private ConfigDir withModel(String model, String printerModelLine) {
        return new ConfigDir(dir).devices("devices:\n", "printer-models:\n" + model + "devices:\n")
                .devices("""
                  - id: printer
                    family: receipt-printer
                """, """
                  - id: printer
                    family: receipt-printer
                """ + printerModelLine);
    }

    @Test
    void aPrinterTakesItsModelsSettingsBeneathItsOwnOptions() {
        List<DeviceConfig> devices = withModel("""
                  xp-58-clone:
                    status-queries: [1, 2, 4]
                    encoding: GB2312
                    replacement: "?"
                    chinese-mode-command: false
                    qr: raster
                    print-width-dots: 384
                """, """
                    model: xp-58-clone
                    options:
                      encoding: GBK
                """).load().devices();

        DeviceConfig printer = devices.stream().filter(d -> d.id().equals("printer")).findFirst().orElseThrow();
        assertThat(printer.model()).isEqualTo("xp-58-clone");
        assertThat(printer.options()).isEqualTo(Map.of("status-queries", "1,2,4", "encoding", "GBK",
                "replacement", "?", "chinese-mode-command", "false", "qr", "raster", "print-width-dots", "384"));
    }

    @Test
    void aMistypedModelKeyIsNamedWithTheKeyMeant() {
        List<String> problems = withModel("""
                  xp-58-clone:
                    status-querys: [1, 2, 4]
                    encoding: BIG5
                    replacement: "镕"
                """, """
                    model: xp-58-clone
                """).problems();

        problemAt(problems, D, "printer-models.xp-58-clone.status-querys", "unknown key",
                "did you mean 'status-queries'?");
        problemAt(problems, D, "printer-models.xp-58-clone.encoding", "GB18030", "GB2312", "BIG5");
        // 镕 (U+9555) is in GBK and GB18030 but not in GB2312; the encoding above fell back to GB18030, which has it.
        assertThat(problems).hasSize(2);
    }

    @Test
    void aReplacementTheEncodingLacksIsRefused() {
        List<String> problems = withModel("""
                  old-clone:
                    encoding: GB2312
                    replacement: "镕"
                """, """
                    model: old-clone
                """).problems();

        problemAt(problems, D, "printer-models.old-clone.replacement", "GB2312", "镕");
    }

    @Test
    void aPrinterNamingAModelNotDefinedIsRefusedWithTheOneMeant() {
        List<String> problems = withModel("""
                  xp-58-clone:
                    status-queries: [1, 2, 4]
                """, """
                    model: xp58-clone
                """).problems();

        problemAt(problems, D, "devices[2].model", "unknown printer model 'xp58-clone'",
                "did you mean 'xp-58-clone'?", "printer-models");
    }

    @Test
    void aUsbPrinterNeedsItsNodeAndTakesNoLineSettings() {
        List<DeviceConfig> devices = new ConfigDir(dir).devices("""
                  - id: printer
                    family: receipt-printer
                    transport: simulator
                """, """
                  - id: printer
                    family: receipt-printer
                    transport: usb
                    port: /dev/usb/lp0
                """).load().devices();
        DeviceConfig printer = devices.stream().filter(d -> d.id().equals("printer")).findFirst().orElseThrow();
        assertThat(printer.transport().kind()).isEqualTo(org.govkiosk.device.TransportConfig.Kind.USB);
        assertThat(printer.transport().describe()).isEqualTo("usb:/dev/usb/lp0");

        List<String> problems = new ConfigDir(dir).devices("""
                  - id: printer
                    family: receipt-printer
                    transport: simulator
                """, """
                  - id: printer
                    family: receipt-printer
                    transport: usb
                    baud: 9600
                """).problems();
        problemAt(problems, D, "devices[2].port", "required for transport usb", "/dev/usb/lp0");
        problemAt(problems, D, "devices[2].baud", "not used with transport usb");
    }

    @Test
    void statusQueriesMustNameOneToFourEachOnce() {
        List<String> problems = withModel("""
                  bad:
                    status-queries: [1, 5]
                """, """
                    model: bad
                """).problems();

        problemAt(problems, D, "printer-models.bad.status-queries", "1, 2, 3, 4", "1,5");
    }
}
