package org.govkiosk.device.internal.sim.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.govkiosk.testkit.Await;
import org.govkiosk.device.transport.PipeTransport;
import org.govkiosk.device.transport.TransportListener;
import org.junit.jupiter.api.Test;

/** A simulator that prints for months keeps only its recent documents, but counts them all (issue 8's soak). */
class SimulatedEscPosPrinterHistoryTest {

    @Test
    void keepsTheMostRecentDocumentsAndCountsEvery() throws Exception {
        SimulatedEscPosPrinter sim = new SimulatedEscPosPrinter();
        PipeTransport[] pipe = PipeTransport.pair("sim-escpos-history");
        sim.attach(pipe[1]);
        pipe[0].open(new TransportListener() {
            @Override
            public void onData(byte[] data) {
            }

            @Override
            public void onDisconnected(org.govkiosk.device.DeviceException cause) {
            }
        });
        try {
            int total = SimulatedEscPosPrinter.KEPT_DOCUMENTS + 25;
            StringBuilder stream = new StringBuilder();
            for (int i = 1; i <= total; i++) {
                stream.append("receipt ").append(i).append("\n\u001dV\u0001");
            }
            pipe[0].write(stream.toString().getBytes(StandardCharsets.US_ASCII));
            Await.until("every document cut", Duration.ofSeconds(10), () -> sim.documentCount() == total,
                    () -> sim.documentCount() + " documents");
            assertThat(sim.printedDocuments()).hasSize(SimulatedEscPosPrinter.KEPT_DOCUMENTS);
            assertThat(sim.printedDocuments().get(0).lines()).containsExactly("receipt 26");
            assertThat(sim.lastDocument().orElseThrow().lines()).containsExactly("receipt " + total);
        } finally {
            pipe[0].close();
            sim.close();
        }
    }
}
