package org.govkiosk.app.diag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govkiosk.app.diag.DiagFixtures.diag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.govkiosk.app.diag.DiagFixtures.Run;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.internal.sim.escpos.PrintedDocument;
import org.govkiosk.device.internal.sim.escpos.SimulatedEscPosPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * probe, read-id, test-page and ports against the devices' simulators on real pseudo-terminals (socat), opened by
 * the terminal's own drivers exactly as on a terminal's serial ports.
 */
class DiagDeviceCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void probeReportsAnOnlinePrinterAndAFaultyOneWithExitCodes() throws Exception {
        try (SocatPtys ptys = SocatPtys.start(dir, "printer");
                DeviceSimulator printer = DiagFixtures.simulator(DeviceFamily.RECEIPT_PRINTER, ptys.device())) {
            Run online = diag("probe", "--family", "receipt-printer", "--port", ptys.host().toString(), "--json");
            assertThat(online.exitCode()).as(online.toString()).isZero();
            JsonNode json = JSON.readTree(online.out());
            assertThat(json.get("status").asText()).isEqualTo("ONLINE");
            assertThat(json.get("transport").asText()).isEqualTo(ptys.host() + "@" + DiagFixtures.BAUD);

            printer.inject(SimulatedEscPosPrinter.PAPER_OUT);
            Run paperOut = diag("probe", "--family", "receipt-printer", "--port", ptys.host().toString());
            assertThat(paperOut.exitCode()).as(paperOut.toString()).isEqualTo(DiagCli.FAULT);
            assertThat(paperOut.err()).contains("OFFLINE").contains("PAPER_OUT");
        }
    }

    @Test
    void probeOfAMissingPortSaysSoAndAnUnknownIdIsNotFound() throws Exception {
        Path config = DiagFixtures.config(dir.resolve("config"), dir.resolve("data"), "devices:\n"
                + DiagFixtures.serialDevice("qr-1", DeviceFamily.QR_SCANNER, dir.resolve("no-such-tty")));
        Run missing = diag("probe", "qr-1", "--config", config.toString(), "--timeout", "5s", "--json");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(DiagCli.FAULT);
        JsonNode json = JSON.readTree(missing.out());
        assertThat(json.get("status").asText()).isEqualTo("OFFLINE");
        assertThat(json.get("detail").asText()).isEqualTo("PORT_NOT_FOUND");

        Run unknown = diag("probe", "printer-9", "--config", config.toString());
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(DiagCli.FAULT);
        assertThat(unknown.err()).contains("no device 'printer-9'").contains("qr-1");
    }

    @Test
    void readIdPrintsTheCardMaskedOnly() throws Exception {
        try (SocatPtys ptys = SocatPtys.start(dir, "idcard");
                DeviceSimulator reader = DiagFixtures.simulator(DeviceFamily.ID_CARD_READER, ptys.device())) {
            Path config = DiagFixtures.config(dir.resolve("config"), dir.resolve("data"), "devices:\n"
                    + DiagFixtures.serialDevice("idcard-1", DeviceFamily.ID_CARD_READER, ptys.host()));
            assertThat(reader.command("card place demo-zhang")).startsWith("ok");

            Run text = diag("read-id", "idcard-1", "--config", config.toString(), "--timeout", "30s");
            assertThat(text.exitCode()).as(text.toString()).isZero();
            assertThat(text.out()).contains("RESIDENT_ID").contains("张*").contains("110***********1232")
                    .contains("photo: not decoded: no licensed WLT decoder library configured");
            Run json = diag("read-id", "idcard-1", "--config", config.toString(), "--json");
            assertThat(json.exitCode()).as(json.toString()).isZero();
            JsonNode card = JSON.readTree(json.out());
            assertThat(card.get("name").asText()).isEqualTo("张*");
            assertThat(card.get("idNumber").asText()).isEqualTo("110***********1232");
            for (Run run : new Run[] {text, json}) {
                assertThat(run.out() + run.err()).doesNotContain("张伟").doesNotContain("110101198001011232")
                        .doesNotContain("东城区");
            }
        }
    }

    @Test
    void readIdWithoutACardTimesOutAsAFault() throws Exception {
        try (SocatPtys ptys = SocatPtys.start(dir, "idcard");
                DeviceSimulator reader = DiagFixtures.simulator(DeviceFamily.ID_CARD_READER, ptys.device())) {
            Run run = diag("read-id", "--family", "id-card-reader", "--port", ptys.host().toString(), "--timeout",
                    "2s");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(DiagCli.FAULT);
            assertThat(run.err()).contains("no card read within 2 s");
        }
    }

    @Test
    void testPageComesOutOfTheReceiptPrinterAndAReaderIsNoPrinter() throws Exception {
        try (SocatPtys ptys = SocatPtys.start(dir, "printer");
                SocatPtys idPtys = SocatPtys.start(dir, "idcard");
                DeviceSimulator printer = DiagFixtures.simulator(DeviceFamily.RECEIPT_PRINTER, ptys.device());
                DeviceSimulator reader = DiagFixtures.simulator(DeviceFamily.ID_CARD_READER, idPtys.device())) {
            Path config = DiagFixtures.config(dir.resolve("config"), dir.resolve("data"), "devices:\n"
                    + DiagFixtures.serialDevice("receipt-1", DeviceFamily.RECEIPT_PRINTER, ptys.host())
                    + DiagFixtures.serialDevice("idcard-1", DeviceFamily.ID_CARD_READER, idPtys.host()));
            Run run = diag("test-page", "receipt-1", "--config", config.toString(), "--timeout", "30s");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("printed on receipt-1");
            PrintedDocument page = ((SimulatedEscPosPrinter) printer).lastDocument().orElseThrow();
            assertThat(page.text()).contains("test page").contains("receipt-1").contains("demo-terminal-001");
            assertThat(page.qrPayloads()).singleElement().asString().startsWith("GOVKIOSK-TEST diag-test-");

            Run notAPrinter = diag("test-page", "idcard-1", "--config", config.toString());
            assertThat(notAPrinter.exitCode()).as(notAPrinter.toString()).isEqualTo(DiagCli.USAGE);
            assertThat(notAPrinter.err()).contains("idcard-1 is not a receipt or document printer");
        }
    }

    @Test
    void portsListsConfiguredPathsAndFailsWhenOneIsMissing() throws Exception {
        try (SocatPtys ptys = SocatPtys.start(dir, "scanner")) {
            Path config = DiagFixtures.config(dir.resolve("config"), dir.resolve("data"), "devices:\n"
                    + DiagFixtures.serialDevice("qr-1", DeviceFamily.QR_SCANNER, ptys.host())
                    + DiagFixtures.serialDevice("pad-1", DeviceFamily.RATING_PAD, dir.resolve("unplugged")));
            Run run = diag("ports", "--config", config.toString(), "--json");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(DiagCli.FAULT);
            JsonNode json = JSON.readTree(run.out());
            assertThat(json.get("systemPorts").isArray()).isTrue();
            JsonNode qr = json.get("devices").get(0);
            assertThat(qr.get("id").asText()).isEqualTo("qr-1");
            assertThat(qr.get("present").asBoolean()).isTrue();
            assertThat(qr.get("realPath").asText()).startsWith("/dev/pts/");
            assertThat(json.get("devices").get(1).get("present").asBoolean()).isFalse();

            Path good = DiagFixtures.config(dir.resolve("config2"), dir.resolve("data"), "devices:\n"
                    + DiagFixtures.serialDevice("qr-1", DeviceFamily.QR_SCANNER, ptys.host()));
            Run text = diag("ports", "--config", good.toString());
            assertThat(text.exitCode()).as(text.toString()).isZero();
            assertThat(text.out()).contains("qr-1").contains("present -> /dev/pts/");
        }
    }
}
