package org.govkiosk.platform;

import org.govkiosk.platform.config.PlatformConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.govkiosk.api.ApiError;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.Heartbeat;
import org.junit.jupiter.api.Test;

/** The platform on a real PostgreSQL, including the database going away and coming back. */
class PostgresPlatformTest {

    @Test
    void databaseDownIs503RetryableAndServiceResumesWhenItIsBack() throws Exception {
        assumeTrue(PostgresCluster.unavailableReason().isEmpty(),
                () -> "skipped: " + PostgresCluster.unavailableReason().orElse(""));
        try (PostgresCluster pg = PostgresCluster.start()) {
            PlatformConfig config = PlatformConfig.embedded()
                    .withTokens(RunningPlatform.ENROLMENT, RunningPlatform.CLERK)
                    .withDatabase(pg.createDatabase(), PostgresCluster.USER, null);
            try (PlatformServer server = PlatformServer.start(config)) {
                TestTerminal terminal = new TestTerminal(server.baseUri(), "T-PG", Clock.systemUTC())
                        .registered(RunningPlatform.ENROLMENT);
                HttpResponse<String> first = terminal.post(ApiPaths.CASES, Fixtures.submission("T-PG", "k1"));
                assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
                String number = TestTerminal.read(first, CaseReceipt.class).caseNumber();

                pg.stopServer();
                HttpResponse<String> down = terminal.post(ApiPaths.HEARTBEATS,
                        new Heartbeat("T-PG", Clock.systemUTC().instant(), null, 0, List.of()));
                assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
                ApiError error = TestTerminal.error(down);
                assertThat(error.code()).isEqualTo(ErrorCodes.STORAGE_UNAVAILABLE);
                assertThat(error.retryable()).isTrue();
                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUri() + ApiPaths.HEALTH)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(503);

                pg.startServer();
                // The pool finds the database back within its connection timeout; until then a terminal is told to
                // retry, which is what the outbox does: resend with the same key until the answer is final.
                HttpResponse<String> resend = terminal.post(ApiPaths.CASES, Fixtures.submission("T-PG", "k1"));
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
                while (resend.statusCode() == 503 && System.nanoTime() < deadline) {
                    assertThat(TestTerminal.error(resend).retryable()).isTrue();
                    Thread.sleep(500);
                    resend = terminal.post(ApiPaths.CASES, Fixtures.submission("T-PG", "k1"));
                }
                assertThat(resend.statusCode()).as(resend.body()).isEqualTo(200);
                assertThat(TestTerminal.read(resend, CaseReceipt.class).caseNumber()).isEqualTo(number);
            }
        }
    }
}
