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
import org.govkiosk.platform.StaffClient;
import org.govkiosk.platform.staff.Role;
import org.junit.jupiter.api.Test;

/** The fleet page's protection over real HTTP: machine token, staff sessions by role and hall, idle expiry. */
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

    @Test
    void withoutASessionOnlyTheSignInLinkShows() throws Exception {
        terminal.post(ApiPaths.HEARTBEATS, new Heartbeat("T-001", clock.instant(), "1.0", 0, List.of()));
        HttpResponse<String> r = get(null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(r.body()).contains("/staff/login?next=/fleet").doesNotContain("T-001", "name=\"token\"");
        assertThat(get(null, "wrong").statusCode()).isEqualTo(401);
        assertThat(get(null, "gks_forged").statusCode()).isEqualTo(401);
        assertThat(get(org.govkiosk.platform.http.StaffAuth.COOKIE + "=gks_forged", null).statusCode()).isEqualTo(401);
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
    void aTechnicianSignsInSeesOnlyTheirHallsUntilTheSessionIdlesOutAndAClerkIsRefused() throws Exception {
        terminal.post(ApiPaths.HEARTBEATS, new Heartbeat("T-001", clock.instant(), "1.0", 0, List.of()));
        org.govkiosk.platform.TestTerminal other = new org.govkiosk.platform.TestTerminal(server.baseUri(), "T-002",
                clock).registered(ENROLMENT, "HALL-2");
        other.post(ApiPaths.HEARTBEATS, new Heartbeat("T-002", clock.instant(), "1.0", 0, List.of(), 10L, null, 60));
        StaffClient.add(server, "tech2", Role.TECHNICIAN, "HALL-2");
        StaffClient.add(server, "clerk2", Role.CLERK, "HALL-2");

        HttpResponse<String> in = StaffClient.form(server.baseUri(), "tech2", StaffClient.PASSWORD);
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location")).contains(FleetRoutes.PAGE + "?lang=zh");
        String set = in.headers().firstValue("Set-Cookie").orElseThrow();
        // Loopback: no Secure (a plain-HTTP platform is only bound to loopback), the rest always.
        assertThat(set).contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain("Secure", StaffClient.PASSWORD);
        String cookie = set.substring(0, set.indexOf(';'));
        HttpResponse<String> page = get(cookie, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-terminal-id=\"T-002\"", "测试tech2", "action=\"/staff/logout\"")
                .doesNotContain("data-terminal-id=\"T-001\"");
        // The hall filter cannot widen the view.
        assertThat(http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + FleetRoutes.PAGE + "?hall=HALL-1"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString()).body())
                .doesNotContain("data-terminal-id=\"T-001\"");

        HttpResponse<String> clerkPage = get(StaffClient.cookie(server.baseUri(), "clerk2"), null);
        assertThat(clerkPage.statusCode()).isEqualTo(403);
        assertThat(clerkPage.body()).contains("无权").doesNotContain("T-002");

        clock.advance(Duration.ofMinutes(29));
        assertThat(get(cookie, null).statusCode()).as("used within the idle limit").isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        assertThat(get(cookie, null).statusCode()).as("idle too long").isEqualTo(401);
    }

    @Test
    void anOpenEventStreamEndsWhenItsSessionIsSignedOut() throws Exception {
        System.setProperty(FleetSettings.LIVE_INTERVAL_PROPERTY, "200");
        try (PlatformServer fast = PlatformServer.start(config(), clock)) {
            StaffClient.add(fast, "tech9", Role.TECHNICIAN, "HALL-1");
            String cookie = StaffClient.cookie(fast.baseUri(), "tech9");
            HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(fast.baseUri()
                    + FleetRoutes.EVENTS)).header("Cookie", cookie).header("Accept", "text/event-stream").GET()
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("event: " + FleetLive.EVENT);
            HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(fast.baseUri() + "/staff/logout"))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + StaffClient.csrf(fast.baseUri(), cookie)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(out.statusCode()).isEqualTo(303);
            // The platform closes the stream at its next push; reading runs to the end instead of forever.
            java.util.concurrent.CompletableFuture<Long> drained = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> in.lines().count());
            assertThat(drained.get(30, java.util.concurrent.TimeUnit.SECONDS)).isGreaterThanOrEqualTo(0L);
        } finally {
            System.clearProperty(FleetSettings.LIVE_INTERVAL_PROPERTY);
        }
    }

    @Test
    void withoutAMachineTokenStaffStillSignIn() throws Exception {
        try (PlatformServer off = PlatformServer.start(PlatformConfig.embedded().withTokens(ENROLMENT, null), clock)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(off.baseUri() + FleetRoutes.PAGE))
                    .header("Authorization", "Bearer ").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(401);
            StaffClient.add(off, "admin", Role.HALL_ADMIN, "HALL-1");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(off.baseUri() + FleetRoutes.PAGE + "?lang=en"))
                    .header("Cookie", StaffClient.cookie(off.baseUri(), "admin")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("lang=\"en\"", "0 terminals");
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
