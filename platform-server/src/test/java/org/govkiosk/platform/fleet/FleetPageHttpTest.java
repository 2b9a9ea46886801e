package org.govkiosk.platform.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.DeviceState;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.RunningPlatform;
import org.junit.jupiter.api.Test;

/** The fleet page's protection over real HTTP: bearer token, login form, session cookie, logout, off switch. */
class FleetPageHttpTest extends RunningPlatform {

    private HttpResponse<String> get(String cookie, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + FleetRoutes.PAGE)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + FleetRoutes.LOGIN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + java.net.URLEncoder.encode(token,
                        java.nio.charset.StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** "name=value" of the Set-Cookie header, as a browser would send it back. */
    private static String cookieOf(HttpResponse<?> r) {
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    @Test
    void withoutATokenOnlyTheLoginFormShows() throws Exception {
        terminal.post(ApiPaths.HEARTBEATS, new Heartbeat("T-001", clock.instant(), "1.0", 0, List.of()));
        HttpResponse<String> r = get(null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(r.body()).contains("name=\"token\"").doesNotContain("T-001");
        assertThat(get(null, "wrong").statusCode()).isEqualTo(401);
        assertThat(get(FleetSession.COOKIE + "=99999999999.forged", null).statusCode()).isEqualTo(401);

        HttpResponse<String> refused = login("not-the-token");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(refused.body()).contains("令牌不正确").doesNotContain("not-the-token");
    }

    @Test
    void aScriptUsesTheBearerTokenAndTheCspForbidsScripts() throws Exception {
        terminal.post(ApiPaths.HEARTBEATS, new Heartbeat("T-001", clock.instant(), "1.0", 2, List.of(
                new DeviceState("receipt-1", "RECEIPT_PRINTER", "DEGRADED", "PAPER_NEAR_END")), 10L, 5L, 60));
        HttpResponse<String> r = get(null, CLERK);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("data-terminal-id=\"T-001\"", "data-alarm=\"PAPER_NEAR_END\"", "纸将用尽",
                "<meta name=\"viewport\"", "2 条待发", "已运行</dt><dd class=\"uptime\">不到 1 分钟")
                .doesNotContain("http-equiv=\"refresh\"", "Paper near end");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                assertThat(v).contains("default-src 'none'", "script-src 'self';").doesNotContain("unsafe-inline';"
                        + " connect", "script-src 'self' 'unsafe"));
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void aBrowserLogsInKeepsACookieUntilItExpiresAndLogsOut() throws Exception {
        HttpResponse<String> ok = login(CLERK);
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).contains(FleetRoutes.PAGE + "?lang=zh");
        String set = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(set).contains("HttpOnly", "SameSite=Strict", "Path=/fleet").doesNotContain(CLERK);
        String cookie = cookieOf(ok);
        assertThat(get(cookie, null).statusCode()).isEqualTo(200);

        // A cookie whose expiry was edited no longer matches its MAC.
        String value = cookie.substring(cookie.indexOf('=') + 1);
        long expires = Long.parseLong(value.substring(0, value.indexOf('.')));
        String stretched = FleetSession.COOKIE + "=" + (expires + 86_400) + value.substring(value.indexOf('.'));
        assertThat(get(stretched, null).statusCode()).isEqualTo(401);

        clock.advance(FleetSettings.defaults().sessionLifetime().plus(Duration.ofSeconds(1)));
        assertThat(get(cookie, null).statusCode()).as("expired").isEqualTo(401);

        HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + FleetRoutes.LOGOUT))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie")).hasValueSatisfying(v -> assertThat(v).contains("Max-Age=0"));
    }

    @Test
    void withoutAClerkTokenThePageIsOff() throws Exception {
        try (PlatformServer off = PlatformServer.start(PlatformConfig.embedded().withTokens(ENROLMENT, null), clock)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(off.baseUri() + FleetRoutes.PAGE))
                    .header("Authorization", "Bearer ").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("未配置窗口业务系统令牌").doesNotContain("name=\"token\"");
            HttpResponse<String> en = http.send(HttpRequest.newBuilder(URI.create(off.baseUri() + FleetRoutes.PAGE
                    + "?lang=en")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(en.statusCode()).isEqualTo(403);
            assertThat(en.body()).contains("no clerk token", "lang=\"en\"").doesNotContain("未配置");
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(off.baseUri() + FleetRoutes.LOGIN))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void filtersByHallAndAlarmAndTheStreamFollowsTheFilter() throws Exception {
        terminal.post(ApiPaths.HEARTBEATS, new Heartbeat("T-001", clock.instant(), "1.0", 0, List.of(
                new DeviceState("receipt-1", "RECEIPT_PRINTER", "OFFLINE", "PAPER_OUT")), 10L, null, 60));
        org.govkiosk.platform.TestTerminal other = new org.govkiosk.platform.TestTerminal(server.baseUri(), "T-002",
                clock).registered(ENROLMENT, "HALL-2");
        other.post(ApiPaths.HEARTBEATS, new Heartbeat("T-002", clock.instant(), "1.0", 0, List.of(), 10L, null, 60));

        HttpResponse<String> hall2 = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + FleetRoutes.PAGE
                + "?lang=en&hall=HALL-2")).header("Authorization", "Bearer " + CLERK).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hall2.body()).contains("data-terminal-id=\"T-002\"", "Showing 1 of 2")
                .doesNotContain("data-terminal-id=\"T-001\"");
        HttpResponse<String> paper = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + FleetRoutes.PAGE
                + "?alarm=PAPER_OUT")).header("Authorization", "Bearer " + CLERK).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(paper.body()).contains("data-terminal-id=\"T-001\"", "显示 1 / 2 台")
                .doesNotContain("data-terminal-id=\"T-002\"");

        String events = server.baseUri() + FleetRoutes.EVENTS + "?lang=en&hall=HALL-2";
        assertThat(http.send(HttpRequest.newBuilder(URI.create(events)).header("Accept", "text/event-stream").GET()
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("no login").isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(events)).header("Authorization", "Bearer " + CLERK)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(406);
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(events))
                .header("Authorization", "Bearer " + CLERK).header("Accept", "text/event-stream, */*;q=0.1").GET()
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            assertThat(in.readLine()).isEqualTo("event: " + FleetLive.EVENT);
            String data = in.readLine();
            assertThat(data).startsWith("data: ");
            com.fasterxml.jackson.databind.JsonNode fleet = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(data.substring(6));
            assertThat(fleet.path("cards").asText()).contains("data-terminal-id=\"T-002\"", "Showing 1 of 2")
                    .doesNotContain("T-001");
            assertThat(fleet.path("summary").asText()).isEqualTo("2 terminals · 1 with alarms · 0 not heard from");
            assertThat(fleet.path("hash").asText()).hasSize(16);
        }
    }
}
