package org.govkiosk.app.diag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govkiosk.app.diag.DiagFixtures.diag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.govkiosk.app.diag.DiagFixtures.Run;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.internal.codec.idcard.SamCommand;
import org.govkiosk.device.internal.sim.idcard.SimulatedIdCardReader;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diag read-id} against a reader that fails after connecting, on a real pty (issue 19): it returns with the
 * driver's fault as soon as the driver reports it, not after its whole wait (30 s here, as by default), and a
 * truncated answer is reported as truncated with the bytes that came, not as "no answer".
 */
class DiagReadIdFaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ExecutorService diagThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        diagThread.shutdownNow();
    }

    @Test
    void aTruncatedReadAnswerIsReportedAsTruncatedWithTheBytesThatCame() throws Exception {
        try (SocatPtys ptys = SocatPtys.start(dir, "idcard");
                SimulatedIdCardReader reader = reader(ptys)) {
            reader.inject(SimulatedIdCardReader.TRUNCATED_READ);
            assertThat(reader.command("card place demo-zhang")).startsWith("ok");

            Run run = readId(ptys).get(25, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(DiagCli.FAULT);
            JsonNode json = JSON.readTree(run.out());
            assertThat(json.get("error").asText()).contains("failed while reading")
                    .contains("truncated answer to READ_TEXT_PHOTO")
                    .contains(SimulatedIdCardReader.TRUNCATED_READ_BYTES + " bytes came")
                    .doesNotContain("no answer").doesNotContain("no card read within");
            assertThat(json.get("status").asText()).isEqualTo("OFFLINE");
            assertThat(run.out() + run.err()).doesNotContain("张伟").doesNotContain("110101198001011232");
        }
    }

    @Test
    void aBadChecksumAfterConnectingEndsTheWaitWithTheFault() throws Exception {
        try (SocatPtys ptys = SocatPtys.start(dir, "idcard");
                SimulatedIdCardReader reader = reader(ptys)) {
            CompletableFuture<Run> run = readId(ptys);
            awaitLookingForACard(reader);
            reader.inject(SimulatedIdCardReader.BAD_CHECKSUM);

            Run done = run.get(25, TimeUnit.SECONDS);

            assertThat(done.exitCode()).as(done.toString()).isEqualTo(DiagCli.FAULT);
            JsonNode json = JSON.readTree(done.out());
            assertThat(json.get("error").asText()).contains("failed while reading").contains("damaged answer")
                    .contains("CHECKSUM");
        }
    }

    @Test
    void aSamErrorAfterConnectingEndsTheWaitWithTheFault() throws Exception {
        try (SocatPtys ptys = SocatPtys.start(dir, "idcard");
                SimulatedIdCardReader reader = reader(ptys)) {
            CompletableFuture<Run> run = readId(ptys);
            awaitLookingForACard(reader);
            reader.inject(SimulatedIdCardReader.SAM_ERROR);

            Run done = run.get(25, TimeUnit.SECONDS);

            assertThat(done.exitCode()).as(done.toString()).isEqualTo(DiagCli.FAULT);
            JsonNode json = JSON.readTree(done.out());
            assertThat(json.get("detail").asText()).isEqualTo("SAM_ERROR");
            assertThat(json.get("error").asText()).contains("failed while reading").contains("SAM_SELF_TEST_FAILED");
        }
    }

    private static SimulatedIdCardReader reader(SocatPtys ptys) throws Exception {
        return (SimulatedIdCardReader) DiagFixtures.simulator(DeviceFamily.ID_CARD_READER, ptys.device());
    }

    /** read-id with the default 30 s wait, on its own thread so the test can break the reader meanwhile. */
    private CompletableFuture<Run> readId(SocatPtys ptys) {
        return CompletableFuture.supplyAsync(() -> diag("read-id", "--family", "id-card-reader", "--port",
                ptys.host().toString(), "--timeout", "30s", "--json"), diagThread);
    }

    private static void awaitLookingForACard(SimulatedIdCardReader reader) {
        int before = reader.received(SamCommand.FIND_CARD);
        Await.until("the reader asked to find a card", Duration.ofSeconds(20),
                () -> reader.received(SamCommand.FIND_CARD) > before);
    }
}
