package org.govkiosk.device.internal.sim.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.govkiosk.device.DeviceException;
import org.govkiosk.testkit.Await;
import org.govkiosk.device.testkit.RecordingListener;
import org.govkiosk.device.transport.PipeTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator seen from the host's side of the pipe: raw bytes in, status bytes and documents out. */
class SimulatedEscPosPrinterTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final byte[] ALL_STATUS = {0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 3, 0x10, 4, 4};

    private final SimulatedEscPosPrinter sim = new SimulatedEscPosPrinter();
    private final RecordingListener host = new RecordingListener();
    private PipeTransport hostSide;
    private int answered;

    @BeforeEach
    void attach() throws DeviceException {
        PipeTransport[] pipe = PipeTransport.pair("sim-escpos");
        hostSide = pipe[0];
        sim.attach(pipe[1]);
        hostSide.open(host);
    }

    @AfterEach
    void detach() {
        hostSide.close();
        sim.close();
    }

    /** The four answers to DLE EOT 1..4 sent now. */
    private int[] status() throws Exception {
        hostSide.write(ALL_STATUS);
        answered += 4;
        byte[] all = host.awaitBytes(answered, WAIT);
        return Arrays.stream(new int[] {0, 1, 2, 3}).map(i -> all[answered - 4 + i] & 0xFF).toArray();
    }

    @Test
    void answersDleEotForEachStateWithTheGenericBits() throws Exception {
        assertThat(status()).containsExactly(0x12, 0x12, 0x12, 0x12);
        sim.inject("paper-near-end");
        assertThat(status()).containsExactly(0x12, 0x12, 0x12, 0x1E);
        sim.clearAll();
        sim.inject("paper-out");
        assertThat(status()).containsExactly(0x1A, 0x32, 0x12, 0x7E);
        sim.clearAll();
        sim.inject("cover-open");
        assertThat(status()).containsExactly(0x1A, 0x16, 0x12, 0x12);
        sim.clearAll();
        sim.inject("cutter-error");
        assertThat(status()).containsExactly(0x1A, 0x52, 0x1A, 0x12);
        sim.clearAll();
        sim.inject("offline");
        assertThat(status()).containsExactly(0x1A, 0x12, 0x12, 0x12);
    }

    @Test
    void keepsOneDocumentPerCut() throws Exception {
        hostSide.write("one\ntwo\n\u001dV\u0001three\n\u001dV\u0000".getBytes(StandardCharsets.US_ASCII));
        status(); // answered after everything before it was parsed

        assertThat(sim.printedDocuments()).hasSize(2);
        assertThat(sim.printedDocuments().get(0).lines()).containsExactly("one", "two");
        assertThat(sim.lastDocument().orElseThrow().lines()).containsExactly("three");
        assertThat(sim.pendingElements()).isEmpty();
    }

    @Test
    void printDataIsLostWhileTheCoverIsOpen() throws Exception {
        sim.inject("cover-open");
        hostSide.write("lost\n\u001dV\u0001".getBytes(StandardCharsets.US_ASCII));
        status();
        sim.clear("cover-open");
        hostSide.write("kept\n\u001dV\u0001".getBytes(StandardCharsets.US_ASCII));
        status();

        assertThat(sim.printedDocuments()).singleElement()
                .satisfies(d -> assertThat(d.lines()).containsExactly("kept"));
    }

    @Test
    void paperRunsOutAfterTheConfiguredLinesOfTheNextJob() throws Exception {
        assertThat(sim.command("lines-before-paper-end 2")).isEqualTo("ok 2");
        assertThat(sim.command("fault paper-out-mid-job")).startsWith("ok");
        hostSide.write("a\nb\nc\nd\n\u001dV\u0001".getBytes(StandardCharsets.US_ASCII));

        assertThat(status()[3]).isEqualTo(0x7E);
        assertThat(sim.isActive("paper-out")).isTrue();
        assertThat(sim.isActive("paper-out-mid-job")).isFalse();
        PrintedDocument torn = sim.lastDocument().orElseThrow();
        assertThat(torn.torn()).isTrue();
        assertThat(torn.lines()).containsExactly("a", "b");
    }

    @Test
    void consoleCommandsReportAndChangeTheState() throws Exception {
        assertThat(sim.command("faults")).contains("paper-out-mid-job", "cover-open", "cutter-error", "offline");
        assertThat(sim.command("fault paper-out")).startsWith("ok");
        assertThat(sim.command("status")).contains("n4=0x7E").contains("PAPER_OUT");
        assertThat(sim.command("lines-before-paper-end x")).startsWith("error");
        assertThat(sim.command("lines-before-paper-end 0")).startsWith("error");
        assertThat(sim.command("printed")).isEqualTo("0 documents");
        assertThat(sim.command("line-speed 9600")).isEqualTo("ok line-speed 9600");
        assertThat(sim.command("line-speed fast")).startsWith("error");
        assertThat(sim.command("line-speed -1")).startsWith("error");
        assertThat(sim.command("line-speed 0")).isEqualTo("ok line-speed 0");
        assertThat(sim.command("clear")).startsWith("ok");

        hostSide.write("回执".getBytes(StandardCharsets.UTF_8));
        hostSide.write(new byte[] {'\n', 0x1D, 'V', 1});
        status();
        Await.until("a document", WAIT, () -> sim.printedDocuments().size() == 1);
        assertThat(sim.command("printed")).isEqualTo("1 documents; last: 1 lines, 0 QR codes");
    }
}
