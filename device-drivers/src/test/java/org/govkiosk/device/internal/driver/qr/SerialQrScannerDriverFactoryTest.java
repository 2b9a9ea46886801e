package org.govkiosk.device.internal.driver.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Map;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.TransportConfig;
import org.govkiosk.device.internal.codec.qr.ScanFrameConfig;
import org.govkiosk.device.internal.sim.qr.SimulatedQrScanner;
import org.junit.jupiter.api.Test;

class SerialQrScannerDriverFactoryTest {

    private final SerialQrScannerDriverFactory factory = new SerialQrScannerDriverFactory();

    private static DeviceConfig config(Map<String, String> options) {
        return new DeviceConfig("qr-1", DeviceFamily.QR_SCANNER, null, TransportConfig.serial("/dev/ttyUSB1", 9600),
                true, null, null, options);
    }

    @Test
    void theShippedConfigIsValid() {
        assertThat(factory.family()).isEqualTo(DeviceFamily.QR_SCANNER);
        assertThat(factory.validate(config(Map.of("terminator", "CR")))).isEmpty();
        assertThat(factory.validate(config(Map.of("terminator", "crlf", "aim-prefix", "TRUE", "charset", "UTF-8",
                "max-length", "1024", "debounce", "0", "inter-byte-gap", "50", "sim.symbology", "Q1")))).isEmpty();
    }

    @Test
    void everyBadOptionIsReportedNamingItsKey() {
        var problems = factory.validate(config(Map.of(
                "terminator", "EOT",
                "charset", "big5",
                "debounce", "-1",
                "aim-prefix", "yes",
                "sim.symbology", "]Q1",
                "baud-rate", "9600")));

        assertThat(problems).hasSize(6);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("options.terminator:").contains("CRLF"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("options.charset:").contains("big5"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("options.debounce:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("options.aim-prefix:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("options.sim.symbology:"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("options.baud-rate:").contains("unknown"));
    }

    @Test
    void theSimulatorFramesScansAsTheDriverIsConfiguredToReadThem() {
        SimulatedQrScanner sim = (SimulatedQrScanner) factory.simulator(config(Map.of(
                "terminator", "CRLF", "aim-prefix", "true", "charset", "gb18030", "sim.symbology", "Q3")))
                .orElseThrow();

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("]Q3".getBytes(Charset.forName("US-ASCII")));
        expected.writeBytes("医保码".getBytes(Charset.forName("GB18030")));
        expected.writeBytes(ScanFrameConfig.Terminator.CRLF.bytes());
        assertThat(sim.encode("医保码")).containsExactly(expected.toByteArray());
    }

    @Test
    void withoutAimPrefixTheSimulatorSendsNoneAndAutoMeansUtf8() {
        SimulatedQrScanner sim = (SimulatedQrScanner) factory.simulator(config(Map.of("terminator", "TAB")))
                .orElseThrow();

        assertThat(new String(sim.encode("码"), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("码\t");
    }
}
