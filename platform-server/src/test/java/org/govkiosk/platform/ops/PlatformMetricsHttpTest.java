package org.govkiosk.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.DeviceState;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.junit.jupiter.api.Test;

/** {@code /metrics}: behind the clerk token; intake, answers by status, terminals heard from, the pool. */
class PlatformMetricsHttpTest extends RunningPlatform {

    private HttpResponse<String> metrics(String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + PlatformMetrics.PATH)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void countsIntakeAnswersTerminalsAndThePool() throws Exception {
        assertThat(metrics(null).statusCode()).isEqualTo(401);
        fileCase("m-1");
        fileCase("m-2");
        // The same key again is a duplicate (200), not a second case.
        assertThat(terminal.post(ApiPaths.CASES, Fixtures.submission(terminal.id, "m-1")).statusCode())
                .isEqualTo(200);
        assertThat(terminal.post(ApiPaths.HEARTBEATS, new Heartbeat(terminal.id, clock.instant(), "1.2.0", 0,
                List.of(new DeviceState("id-reader", "ID_CARD_READER", "ONLINE", null)))).statusCode())
                .isEqualTo(200);
        HttpResponse<String> r = metrics(CLERK);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/plain"));
        String text = r.body();
        assertThat(text).contains("govkiosk_platform_cases_received_total 2.0")
                .contains("govkiosk_platform_case_intake_seconds_count 3")
                .containsPattern("govkiosk_platform_http_requests_seconds_count\\{[^}]*status=\"201\"[^}]*} 2")
                .containsPattern("govkiosk_platform_http_requests_seconds_count\\{[^}]*status=\"401\"[^}]*} 1")
                .contains("govkiosk_platform_terminals_active 1.0")
                .contains("govkiosk_platform_pads_connected 0.0")
                .contains("hikaricp_connections_active");
    }
}
