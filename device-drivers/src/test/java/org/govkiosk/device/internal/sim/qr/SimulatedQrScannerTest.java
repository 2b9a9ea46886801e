package org.govkiosk.device.internal.sim.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.govkiosk.device.internal.codec.qr.ScanFrameConfig;
import org.govkiosk.device.internal.codec.qr.ScanFrameDecoder;
import org.govkiosk.device.internal.codec.qr.ScanResult;
import org.govkiosk.device.testkit.RecordingListener;
import org.govkiosk.device.transport.PipeTransport;
import org.junit.jupiter.api.Test;

class SimulatedQrScannerTest {

    @Test
    void encodesWhatTheDecoderWithTheSameConfigReadsBack() {
        Charset gb = Charset.forName("GB18030");
        for (ScanFrameConfig.Terminator t : ScanFrameConfig.Terminator.values()) {
            SimulatedQrScanner sim = new SimulatedQrScanner(t, "Q1", gb);
            ScanFrameDecoder decoder = new ScanFrameDecoder(
                    new ScanFrameConfig(t, true, ScanFrameConfig.PayloadCharset.AUTO, 256));

            var got = new java.util.ArrayList<>(decoder.feed(sim.encode("营业执照 91110000MA01")));
            got.addAll(decoder.flush());

            assertThat(got).as("%s", t).containsExactly(new ScanResult.Scanned("营业执照 91110000MA01", "Q1"));
        }
    }

    @Test
    void theDefaultEngineSendsUtf8EndedByCr() {
        assertThat(new SimulatedQrScanner().encode("码")).containsExactly(
                concat("码".getBytes(StandardCharsets.UTF_8), new byte[] {'\r'}));
    }

    @Test
    void aBadAimIdentifierIsRefused() {
        assertThatThrownBy(() -> new SimulatedQrScanner(ScanFrameConfig.Terminator.CR, "]Q1", StandardCharsets.UTF_8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theConsoleScanKeepsTheTextVerbatim() throws Exception {
        PipeTransport[] pipe = PipeTransport.pair("sim-qr");
        SimulatedQrScanner sim = new SimulatedQrScanner();
        RecordingListener host = new RecordingListener();
        sim.attach(pipe[1]);
        pipe[0].open(host);
        try {
            assertThat(sim.command("scan  two  spaces")).isEqualTo("ok scanned 12 characters");
            assertThat(sim.command("scan")).startsWith("error");
            assertThat(sim.command("faults")).startsWith("active");

            byte[] got = host.awaitBytes(13, Duration.ofSeconds(5));
            assertThat(new String(got, StandardCharsets.UTF_8)).isEqualTo(" two  spaces\r");
        } finally {
            pipe[0].close();
            sim.close();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
