package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.IdType;
import org.govkiosk.api.Material;
import org.govkiosk.api.SupplementSubmission;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.config.Exposure;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.Test;

/**
 * The intake's turns (issue 21, {@code intake-concurrency}) go to submissions whose bodies are read: with one turn,
 * a case and a 补正 whose terminals stall halfway through their bodies hold none, and a case and a 补正 sent whole
 * meanwhile are answered while the stalled ones still wait for their bytes.
 */
class IntakeTurnsTest extends RunningPlatform {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Override
    protected PlatformConfig config() {
        Exposure d = Exposure.defaults();
        // One turn; a stalled body is neither cut by a data rate nor timed out while the test looks at it.
        return super.config().withExposure(new Exposure(d.behindTlsProxy(), 0, Duration.ofMinutes(5),
                d.maxConnectionsPerAddress(), d.maxFailedLogins(), d.loginLockout(), d.staffSessionIdle(),
                d.staffSessionMax(), 1));
    }

    private static Material provided(String code, String name) {
        return new Material(code, name, Material.Status.PROVIDED, Material.Source.PAPER, null);
    }

    private static Material missing(String code, String name) {
        return new Material(code, name, Material.Status.MISSING, null, null);
    }

    private CaseSubmission submission(String key, Material... materials) {
        CaseSubmission b = Fixtures.submission(terminal.id, key, CaseKind.PROMISED, "本地");
        return new CaseSubmission(b.idempotencyKey(), b.localCaseId(), b.terminalId(), b.itemCode(), b.itemName(),
                b.kind(), b.applicant(), b.formData(), List.of(materials), b.submittedAt());
    }

    /** A case on file that waits for its 户口簿. */
    private String waitingCase(String key) throws Exception {
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, submission(key, provided("M01", "身份证"),
                missing("M02", "户口簿")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        CaseReceipt receipt = TestTerminal.read(r, CaseReceipt.class);
        assertThat(receipt.state()).isEqualTo(CaseState.NEEDS_SUPPLEMENT);
        return receipt.caseNumber();
    }

    private SupplementSubmission supplement(String key, String caseNumber) {
        return new SupplementSubmission(key, caseNumber, terminal.id, IdType.RESIDENT_ID, Fixtures.ID_NUMBER,
                List.of(provided("M02", "户口簿")), clock.instant());
    }

    /** A signed request whose terminal sent its headers and half its body, and then nothing. */
    private record Stalled(Socket socket, byte[] body) {

        void finish() throws Exception {
            OutputStream out = socket.getOutputStream();
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
        }

        String statusLine() throws Exception {
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    private Stalled stall(String path, Object body) throws Exception {
        byte[] bytes = TestTerminal.JSON.writeValueAsBytes(body);
        Socket socket = new Socket(server.baseUri().getHost(), server.port());
        socket.setSoTimeout((int) PATIENCE.toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(terminal.signedPostHead(path, bytes));
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        return new Stalled(socket, bytes);
    }

    /** A request sent whole, answered within the patience or not at all (a turn it never got). */
    private HttpResponse<String> inTime(String path, Object body) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return terminal.post(path, body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void terminalsSendingSlowlyHoldNoTurnCasesAndSupplementsSentWholeGoThrough() throws Exception {
        String first = waitingCase("turn-0");
        String second = waitingCase("turn-1");
        StatisticsHandler stats = jetty().getChildHandlerByClass(StatisticsHandler.class);
        Stalled slowCase = stall(ApiPaths.CASES, submission("turn-slow", provided("M01", "身份证")));
        Stalled slowSupplement = stall(ApiPaths.caseSupplements(first), supplement("sup-slow", first));
        try (Socket a = slowCase.socket(); Socket b = slowSupplement.socket()) {
            Await.until("both stalled requests are in their handlers", PATIENCE,
                    () -> stats.getRequestsActive() >= 2);

            HttpResponse<String> quickCase = inTime(ApiPaths.CASES, submission("turn-quick",
                    provided("M01", "身份证")));
            assertThat(quickCase.statusCode()).as(quickCase.body()).isEqualTo(201);
            HttpResponse<String> quickSupplement = inTime(ApiPaths.caseSupplements(second),
                    supplement("sup-quick", second));
            assertThat(quickSupplement.statusCode()).as(quickSupplement.body()).isEqualTo(201);
            assertThat(stats.getRequestsActive()).as("the stalled requests still wait for their bodies")
                    .isGreaterThanOrEqualTo(2);

            slowCase.finish();
            slowSupplement.finish();
            assertThat(slowCase.statusLine()).isEqualTo("HTTP/1.1 201 Created");
            assertThat(slowSupplement.statusLine()).isEqualTo("HTTP/1.1 201 Created");
        }
    }
}
